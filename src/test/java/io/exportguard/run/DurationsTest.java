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
      "PT9999999999999999H", "9223372036854775807ms", "169h", "8d", "7x"})
  void rejects(String text) {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Durations.parse("--timeout", text))
        .isInstanceOf(BadInputException.class).hasMessageContaining("--timeout");
  }

  @ParameterizedTest
  @CsvSource({"30d,30d", "12h,12h", "1d12h,36h", "90m,90m", "3660d,3660d"})
  void windowsTakeDaysAndPrintBack(String text, String printed) throws Exception {
    assertThat(Durations.format(Durations.parseWindow("--since", text))).isEqualTo(printed);
  }

  @ParameterizedTest
  @CsvSource({"3661d", "0d", "30 d", "month"})
  void windowsHaveBoundsToo(String text) {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Durations.parseWindow("--since", text))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith("--since " + text + ": ");
  }
}
