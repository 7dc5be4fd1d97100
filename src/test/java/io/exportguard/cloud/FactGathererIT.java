package io.exportguard.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.facts.FactsDocument;
import io.exportguard.facts.FactsJson;
import io.exportguard.facts.Facts;
import io.exportguard.facts.Request;
import org.junit.jupiter.api.Test;

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
}
