package io.exportguard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.exportguard.facts.Facts;
import io.exportguard.rego.EvalOptions;
import io.exportguard.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A finding object's {@code remediation} (rendered in Rego) reaches the report; the check's METADATA is the fallback. */
class FindingRemediationTest {
  @TempDir Path dir;

  @Test
  void aRenderedRemediationIsCarriedPerFindingAndTheMetadataOneOtherwise() throws Exception {
    Files.writeString(dir.resolve("fix.rego"), """
        # METADATA
        # scope: package
        # title: bucket is private
        # custom:
        #   id: EG-TEST-001
        #   severity: high
        #   remediation: aliyun oss set-acl oss://<bucket> private -b
        package exportguard.test.fix

        deny contains {"msg": "public", "resource": input.bucket,
          "remediation": sprintf("aliyun oss set-acl oss://%s private -b", [input.bucket])}
        deny contains {"msg": "no rendered fix", "resource": input.bucket}
        deny contains {"msg": "a fix that is not text", "remediation": 7}
        """);
    LoadedPolicies loaded = PolicyLoader.load(new PolicyLoader.Sources(List.of(dir), false, List.of(), false));
    try (PolicyEngine engine = EmbeddedPolicyEngine.compile(loaded, EvalOptions.DEFAULT)) {
      RawResult raw = engine.evaluate(new ObjectMapper().readTree("{\"bucket\":\"team-b-images\"}")).get(0);
      Report.CheckResult check = StatusRules.DEFAULT.apply(
          new Facts(Facts.SCHEMA, null, null, null, null, null, null, List.of(), List.of()), raw);

      assertThat(check.findings()).extracting(Report.Finding::msg, Report.Finding::remediation).containsExactlyInAnyOrder(
          tuple("public", "aliyun oss set-acl oss://team-b-images private -b"),
          tuple("no rendered fix", null),
          tuple("a fix that is not text", null));
      assertThat(check.remediation()).isEqualTo("aliyun oss set-acl oss://<bucket> private -b");
      assertThat(check.remediations()).containsExactlyInAnyOrder(
          "aliyun oss set-acl oss://team-b-images private -b", "aliyun oss set-acl oss://<bucket> private -b");
    }
  }
}
