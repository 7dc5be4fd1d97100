package io.exportguard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The pack against the catalog of issue 5: one file per check with its tests beside it, package
 * named after the path, package-scoped METADATA with the id, severity and prevented error code of
 * the catalog, the fact areas it requires and a remediation, and deny/warn rules (EG-ROLE-006 from
 * issue 9). Read from the
 * source text, so it holds whatever state the engine is in.
 */
class PolicyPackCatalogTest {
  private static final Path PACK = Path.of("policies/exportguard");
  private static final Set<String> AREAS = Set.of("request", "region", "image", "snapshots", "role",
      "rolePolicies", "bucket", "bucketPolicy", "bucketEncryption", "tasks", "exportTask", "exportBucket", "principal");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** The package-scoped METADATA block at the top of a file, as YAML. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> metadata(String source) throws IOException {
    List<String> lines = source.lines().toList();
    assertThat(lines.get(0)).isEqualTo("# METADATA");
    String yaml = lines.stream().skip(1).takeWhile(l -> l.startsWith("#"))
        .map(l -> l.length() > 1 ? l.substring(2) : "")
        .collect(Collectors.joining("\n"));
    return YAML.readValue(yaml, Map.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "EG-REQ-001    | req/required.rego        | high     | MissingParameter",
      "EG-REQ-002    | req/prefix.rego          | high     | InvalidOSSPrefix.Malformed",
      "EG-REQ-003    | req/format.rego          | high     | InvalidImageFormat.Malformed",
      "EG-REQ-004    | req/bucket_name.rego     | high     | InvalidOSSBucket.NotMatched",
      "EG-REQ-005    | req/role_name.rego       | medium   | ",
      "EG-REGION-001 | region/exists.rego       | high     | InvalidRegionId.NotFound",
      "EG-REGION-002 | region/supported.rego    | high     | InvalidRegion.NotSupport",
      "EG-REGION-003 | region/format.rego       | low      | ",
      "EG-IMAGE-001  | image/exists.rego        | high     | InvalidImageId.NotFound",
      "EG-IMAGE-002  | image/owner.rego         | high     | InvalidImageId.NotFound",
      "EG-IMAGE-003  | image/status.rego        | high     | IncorrectImageStatus",
      "EG-IMAGE-004  | image/marketplace.rego   | high     | ImageNotSupported",
      "EG-IMAGE-005  | image/encryption.rego    | high     | ImageNotSupported",
      "EG-IMAGE-006  | image/data_disks.rego    | high     | InvalidImage.DiskAmountOrSize",
      "EG-IMAGE-007  | image/name.rego          | medium   | InvalidImageName.Malformed",
      "EG-IMAGE-008  | image/windows.rego       | medium   | InvalidImageLicense.NotSupported",
      "EG-ROLE-001   | role/exists.rego         | critical | NoSetRoletoECSServiceAcount",
      "EG-ROLE-002   | role/trust.rego          | critical | NoSetRoletoECSServiceAcount",
      "EG-ROLE-003   | role/permissions.rego    | critical | NoSetRoletoECSServiceAcount",
      "EG-ROLE-004   | role/trust_scope.rego    | high     | ",
      "EG-ROLE-005   | role/broad.rego          | medium   | ",
      "EG-ROLE-006   | role/anyone.rego         | critical | ",
      "EG-BUCKET-001 | bucket/exists.rego       | high     | InvalidOSSBucket.NotFound",
      "EG-BUCKET-002 | bucket/region.rego       | high     | InvalidOSSBucket.NotFound",
      "EG-BUCKET-003 | bucket/acl.rego          | critical | ",
      "EG-BUCKET-004 | bucket/policy_deny.rego  | critical | NoSetRoletoECSServiceAcount",
      "EG-BUCKET-005 | bucket/anonymous.rego    | critical | ",
      "EG-BUCKET-006 | bucket/encryption.rego   | medium   | ",
      "EG-BUCKET-007 | bucket/kms.rego          | low      | ",
      "EG-TASK-001   | task/in_progress.rego    | high     | ImageIsExporting",
      "EG-TASK-002   | task/concurrent.rego     | medium   | ConcurrentQuotaExceed.ExportImage",
      "EG-TASK-003   | task/weekly.rego         | medium   | WeeklyQuotaExceed.ExportImage",
      "EG-HIST-001   | history/allowlist.rego   | high     | ",
      "EG-HIST-002   | history/other_account.rego | critical | ",
      "EG-HIST-003   | history/public_bucket.rego | critical | ",
      "EG-HIST-004   | history/failed.rego      | low      | ",
      "EG-RAM-001    | ram/exporters.rego       | high     | ",
      "EG-RAM-002    | ram/self_grant.rego      | high     | ",
  })
  @SuppressWarnings("unchecked")
  void checkMatchesTheCatalog(String id, String file, String severity, String prevents) throws IOException {
    Path path = PACK.resolve(file);
    String source = Files.readString(path);
    Map<String, Object> meta = metadata(source);
    assertThat(meta.get("scope")).isEqualTo("package");
    assertThat((String) meta.get("title")).isNotBlank();
    assertThat((String) meta.get("description")).isNotBlank();
    Map<String, Object> custom = (Map<String, Object>) meta.get("custom");
    assertThat(custom.get("id")).isEqualTo(id);
    assertThat(custom.get("severity")).isEqualTo(severity);
    assertThat(custom.get("prevents")).isEqualTo(prevents);
    // An area, or a field within one (role.trustPolicy), so a static scan skips only what it does not know.
    assertThat((List<String>) custom.get("requires")).isNotEmpty()
        .allMatch(r -> AREAS.contains(r.contains(".") ? r.substring(0, r.indexOf('.')) : r));
    assertThat((String) custom.get("remediation")).satisfiesAnyOf(
        r -> assertThat(r).contains("aliyun "), r -> assertThat(r).contains("{\"Version\":\"1\""));

    String pkg = "exportguard." + file.replace(".rego", "").replace('/', '.');
    assertThat(source).contains("\npackage " + pkg + "\n");
    assertThat(source).containsAnyOf("\ndeny contains finding if", "\nwarn contains finding if");
    Path test = PACK.resolve(file.replace(".rego", "_test.rego"));
    assertThat(test).exists();
    assertThat(Files.readString(test)).startsWith("package " + pkg + "_test\n").contains("\ntest_");
  }

  @Test
  void catalogIsTheWholePackAndLibrariesAreNoChecks() throws IOException {
    List<Path> checks;
    try (Stream<Path> walk = Files.walk(PACK)) {
      checks = walk.filter(p -> p.toString().endsWith(".rego") && !p.toString().endsWith("_test.rego")).toList();
    }
    long withId = 0;
    for (Path p : checks) {
      String source = Files.readString(p);
      boolean lib = PACK.relativize(p).startsWith("lib");
      if (lib) {
        assertThat(source).as(p.toString()).doesNotContain("\n#   id:");
      } else {
        withId++;
      }
    }
    assertThat(withId).isEqualTo(38);
  }
}
