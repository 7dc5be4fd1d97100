package io.exportguard.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunClockTest {
  @AfterEach
  void clear() { System.clearProperty(RunClock.PROPERTY); }

  @Test
  void fixedTimePinsEveryReading() throws Exception {
    System.setProperty(RunClock.PROPERTY, "2026-01-01T00:00:00Z");
    RunClock c = RunClock.fromEnvironment();
    Thread.sleep(5);
    assertThat(c.startedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(c.now()).isEqualTo(c.startedAt());
    assertThat(c.elapsedMillis()).isZero();
  }

  @Test
  void systemClockMoves() throws Exception {
    RunClock c = RunClock.system();
    Thread.sleep(5);
    assertThat(c.elapsedMillis()).isPositive();
  }

  @Test
  void badFixedTimeIsBadInput() {
    System.setProperty(RunClock.PROPERTY, "yesterday");
    assertThatThrownBy(RunClock::fromEnvironment).isInstanceOf(BadInputException.class).hasMessageContaining("yesterday");
  }
}
