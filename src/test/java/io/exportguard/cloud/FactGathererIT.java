package io.exportguard.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.facts.FactsDocument;
import io.exportguard.facts.FactsJson;
import io.exportguard.facts.Facts;
import io.exportguard.facts.Request;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactGathererIT {
  static final Request DEMO = Request.of("cn-hangzhou", "m-bp1demo0001", "my-export-bucket", null, null, null);

  @Test
  void demoPassGathersEveryAreaWithoutErrors() {
    try (SandboxClients s = new SandboxClients("demo-pass")) {
      Facts f = s.gather(DEMO);
      System.out.println(new String(FactsJson.toBytes(FactsDocument.of(f))));
      assertThat(f.errors()).isEmpty();
      assertThat(f.skipped()).isEmpty();
      assertThat(f.region().exists()).isTrue();
      assertThat(f.image().exists()).isTrue();
      assertThat(f.image().disks()).hasSize(2).allSatisfy(d -> assertThat(d.snapshot().exists()).isTrue());
      assertThat(f.image().dataDiskCount()).isEqualTo(1);
      assertThat(f.role().exists()).isTrue();
      assertThat(f.role().accountId()).isEqualTo("1234567890123456");
      assertThat(f.role().trustPolicy().path("Statement").get(0).path("Principal").path("Service").get(0).asText())
          .isEqualTo("ecs.aliyuncs.com");
      assertThat(f.role().attachedPolicies()).hasSize(1);
      assertThat(f.role().attachedPolicies().get(0).document().path("Statement").get(0).path("Action")).hasSize(8);
      assertThat(f.bucket().exists()).isTrue();
      assertThat(f.bucket().regionId()).isEqualTo("cn-hangzhou");
      assertThat(f.bucket().location()).isEqualTo("oss-cn-hangzhou");
      assertThat(f.bucket().acl()).isEqualTo("private");
      assertThat(f.bucket().encryption().algorithm()).isEqualTo("AES256");
      assertThat(f.bucket().policy()).isNull();
      assertThat(f.tasks().exportsInProgress()).isEmpty();
    }
  }

  /** Issue 9: a listing that could not be read to its end is an error, never a short list. */
  @Test
  void aTaskListingBeyondThePageCapIsAnErrorNotAShortList(@TempDir Path dir) throws Exception {
    int n = TaskGatherer.PAGE_SIZE * TaskGatherer.MAX_PAGES + 1;
    StringBuilder yaml = new StringBuilder(Files.readString(Path.of("src/main/resources/scenarios/demo-pass.yaml")));
    yaml.append("\ntasks:\n");
    for (int i = 0; i < n; i++) {
      yaml.append("  - { id: t-many").append(i).append(", imageId: m-bp1demo0001, status: Processing }\n");
    }
    yaml.append("quotas: { concurrentExports: 10000, weeklyExports: 10000 }\n");
    Path scenario = Files.writeString(dir.resolve("many-tasks.yaml"), yaml);
    try (SandboxClients s = new SandboxClients(scenario.toString())) {
      Facts f = s.gather(DEMO);
      assertThat(f.tasks()).isNull();
      assertThat(f.errors()).singleElement().satisfies(e -> {
        assertThat(e.area()).isEqualTo("tasks");
        assertThat(e.api()).isEqualTo("ecs:DescribeTasks");
        assertThat(e.code()).isEqualTo(Listings.INCOMPLETE);
        assertThat(e.message()).contains("20 pages");
      });
      // the export step's own check for an export in progress refuses a short list too
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> ExportTasks.inProgress(s.clients, "cn-hangzhou",
          "m-bp1demo0001")).isInstanceOfSatisfying(ApiException.class,
              e -> assertThat(e.code()).isEqualTo(Listings.INCOMPLETE));
    }
  }
}
