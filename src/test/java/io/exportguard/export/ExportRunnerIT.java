package io.exportguard.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exportguard.cloud.SandboxClients;
import io.exportguard.facts.Request;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExportRunnerIT {
  static final Request DEMO = Request.of("cn-hangzhou", "m-bp1demo0001", "my-export-bucket", "nightly", null, null);
  final StringWriter progress = new StringWriter();

  ExportRunner runner(SandboxClients s) {
    return new ExportRunner(s.clients, new PrintWriter(progress, true), Thread::sleep, Duration.ofMillis(100),
        Duration.ofMillis(400));
  }

  @Test
  void followsTheTaskToTheEndAndConfirmsEveryObjectInOss() throws Exception {
    try (SandboxClients s = new SandboxClients("demo-pass")) {
      ExportRunner r = runner(s);
      String task = r.start(DEMO);
      ExportRunner.Outcome o = r.follow(DEMO, task, Duration.ofSeconds(30));
      assertThat(o.succeeded()).as(o.problem()).isTrue();
      assertThat(o.status()).isEqualTo("Finished");
      // demo-pass has a system and a data disk: one object each, under the prefix
      assertThat(o.objects()).hasSize(2).allSatisfy(obj -> {
        assertThat(obj.key()).startsWith("nightly").contains("m-bp1demo0001");
        assertThat(obj.size()).isPositive();
        assertThat(obj.etag()).isNotBlank();
      });
      assertThat(progress.toString()).contains("export " + task + ": Processing").contains("export " + task + ": Finished");
    }
  }

  @Test
  void refusesASecondExportOfTheSameImage() {
    try (SandboxClients s = new SandboxClients("ImageIsExporting")) {
      assertThatThrownBy(() -> runner(s).start(Request.of("cn-hangzhou", "m-bp1demo0001", "my-export-bucket", null,
          null, null)))
          .isInstanceOf(ExportRefusedException.class).hasMessageContaining("t-bp1busy0001");
    }
  }

  @Test
  void aWaitThatTimesOutLeavesTheTaskRunningAndSaysSo() throws Exception {
    try (SandboxClients s = new SandboxClients("demo-pass")) {
      ExportRunner r = runner(s);
      String task = r.start(DEMO);
      ExportRunner.Outcome o = r.follow(DEMO, task, Duration.ofMillis(1));
      assertThat(o.succeeded()).isFalse();
      assertThat(o.problem()).contains("still").contains("keeps running");
      assertThat(ExportRunner.howToFollow("cn-hangzhou", task))
          .contains("aliyun ecs DescribeTaskAttribute --RegionId cn-hangzhou --TaskId " + task)
          .contains("aliyun ecs CancelTask --RegionId cn-hangzhou --TaskId " + task);
    }
  }
}
