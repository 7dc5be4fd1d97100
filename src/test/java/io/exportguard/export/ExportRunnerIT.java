package io.exportguard.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exportguard.cloud.SandboxClients;
import io.exportguard.facts.Request;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
      String task = r.start(DEMO).taskId();
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
      String task = r.start(DEMO).taskId();
      ExportRunner.Outcome o = r.follow(DEMO, task, Duration.ofMillis(1));
      assertThat(o.succeeded()).isFalse();
      assertThat(o.problem()).contains("still").contains("keeps running");
      assertThat(ExportRunner.howToFollow("cn-hangzhou", task))
          .contains("aliyun ecs DescribeTaskAttribute --RegionId cn-hangzhou --TaskId " + task)
          .contains("aliyun ecs CancelTask --RegionId cn-hangzhou --TaskId " + task);
    }
  }

  /** demo-pass whose ExportImage answers only after {@code fault} (a YAML fault body). */
  static Path exportImageFault(Path dir, String fault) throws Exception {
    String base = Files.readString(Path.of("src/main/resources/scenarios/demo-pass.yaml"));
    return Files.writeString(dir.resolve("slow-export.yaml"),
        base + (base.endsWith("\n") ? "" : "\n") + "faults:\n  - { api: \"ecs:ExportImage\", " + fault + " }\n");
  }

  /** Clients whose calls give up after one second, so ExportImage times out on the fault. */
  static SandboxClients impatient(Path scenario) {
    return new SandboxClients(scenario.toString(), io.exportguard.cloud.RetryPolicy.DEFAULT, Duration.ofSeconds(1));
  }

  @Test
  void anExportImageThatTimesOutButStartedAnywayIsFoundAndReportedWithItsTask(@TempDir Path dir) throws Exception {
    try (SandboxClients s = impatient(exportImageFault(dir, "latencyMs: 1800"))) {
      ExportRunner.Launch launch = new ExportRunner(s.clients, new PrintWriter(progress, true), Thread::sleep,
          Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(5)).start(DEMO);
      assertThat(launch.started()).isFalse();
      assertThat(launch.taskId()).startsWith("t-");
      assertThat(launch.status()).isEqualTo("Processing");
      assertThat(launch.problem()).contains("SDK.ReadTimeout").contains("task " + launch.taskId() + " is Processing")
          .doesNotContain("Failed");
      // ExportImage was sent once: a timed-out create is never retried
      assertThat(io.exportguard.cloud.ExportTasks.createdSince(s.clients, "cn-hangzhou", "m-bp1demo0001",
          java.time.Instant.now().minusSeconds(120))).hasSize(1);
    }
  }

  @Test
  void anExportImageThatNeverAnswersAndLeavesNoTaskIsUnknownNotFailed(@TempDir Path dir) throws Exception {
    try (SandboxClients s = impatient(exportImageFault(dir, "hang: true"))) {
      ExportRunner.Launch launch = new ExportRunner(s.clients, new PrintWriter(progress, true), Thread::sleep,
          Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(600)).start(DEMO);
      assertThat(launch.started()).isFalse();
      assertThat(launch.taskId()).isNull();
      assertThat(launch.status()).isEqualTo(ExportRunner.UNKNOWN);
      assertThat(launch.problem()).contains("unknown").doesNotContain("Failed");
      assertThat(ExportRunner.howToFind("cn-hangzhou", "m-bp1demo0001"))
          .contains("aliyun ecs DescribeTasks --RegionId cn-hangzhou --TaskAction ExportImage --ResourceIds.1 m-bp1demo0001")
          .contains("aliyun ecs CancelTask --RegionId cn-hangzhou");
    }
  }

  @Test
  void anExportImageTheServiceRejectsIsRejectedWithItsCode() throws Exception {
    try (SandboxClients s = new SandboxClients("UserNotInTheWhiteList")) {
      ExportRunner.Launch launch = runner(s).start(DEMO);
      assertThat(launch.taskId()).isNull();
      assertThat(launch.status()).isEqualTo("Rejected: UserNotInTheWhiteList");
    }
  }
}
