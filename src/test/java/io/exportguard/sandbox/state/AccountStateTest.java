package io.exportguard.sandbox.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.sandbox.scenario.Scenario;
import io.exportguard.sandbox.scenario.ScenarioLoader;
import io.exportguard.sandbox.state.TaskRecord.ExportPlan;
import io.exportguard.sandbox.state.TaskRecord.PlannedObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountStateTest {
  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void anExportFinishesWhenItsTimeIsUpAndOnlyThenWritesItsObjects() {
    Scenario scenario = ScenarioLoader.load("demo-pass");
    ManualClock clock = new ManualClock();
    AccountState state = new AccountState(scenario, clock);
    TaskRecord task = state.startExport("m-bp1demo0001", "cn-hangzhou",
        new ExportPlan("my-export-bucket", "raw", List.of(new PlannedObject("k_system.raw.tar.gz", 1L << 30, "/dev/xvda"))));
    assertThat(task.status()).isEqualTo("Processing");
    assertThat(task.progress(clock.now)).isEqualTo("0%");
    clock.now = clock.now.plus(Duration.ofMillis(1000));
    assertThat(task.progress(clock.now)).isEqualTo("50%");
    assertThat(state.objects("my-export-bucket")).hasValue(List.of());
    clock.now = clock.now.plus(Duration.ofMillis(1000));
    assertThat(state.task(task.id()).orElseThrow().status()).isEqualTo("Finished");
    assertThat(task.finishedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:02Z"));
    ObjectRecord o = state.object("my-export-bucket", "k_system.raw.tar.gz").orElseThrow();
    assertThat(o.size()).isEqualTo(1L << 30);
    assertThat(o.placeholder()).isTrue();
    assertThat(state.cancel(task)).isFalse();
  }

  @Test
  void declaredObjectsHoldExactlyTheirSizeInDeterministicBytes() {
    ObjectRecord a = ObjectRecord.declared("b", "k", 100, Instant.EPOCH);
    ObjectRecord b = ObjectRecord.declared("b", "k", 100, Instant.EPOCH);
    assertThat(a.content()).hasSize(100).isEqualTo(b.content());
    assertThat(a.etag()).isEqualTo(b.etag()).matches("\"[0-9A-F]{32}\"");
  }
}
