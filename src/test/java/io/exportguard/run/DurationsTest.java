package io.exportguard.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {
  @ParameterizedTest
  @CsvSource({"500ms,500", "30s,30000", "5m,300000", "1h,3600000", "1h30m,5400000", "PT2S,2000", "pt1m,60000", "168h,604800000"})
  void parses(String text, long millis) throws Exception {
    assertThat(Durations.parse("--timeout", text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @CsvSource({"soon", "5", "m5", "5 m", "-5s", "0s", "1x", "9999999999999999999h", "999999999999999h",
      "PT9999999999999999H", "9223372036854775807ms", "169h", "7d"})
  void rejects(String text) {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Durations.parse("--timeout", text))
        .isInstanceOf(BadInputException.class).hasMessageContaining("--timeout");
  }
}
