package io.exportguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exportguard.cli.Cli;
import io.exportguard.facts.FactsJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exportguard scan} end to end over the fixture plans, templates and policy files (written
 * to the documented formats): the same checks decide as in preflight, unknown values and facts
 * outside the files are skipped with the reason, and findings point at the declaring file and line.
 */
class ScanFlowIT {
  static final Path FIXTURES = Path.of("src/test/resources/scan");
  static final Path PLANS = FIXTURES.resolve("terraform");
  static final String ACCOUNT = "1234567890123456";

  @TempDir Path dir;

  @BeforeAll
  static void pack() { DefaultPack.mustCompile(); }

  Cli scan(String... args) {
    List<String> all = new ArrayList<>(List.of("scan", "--out", dir.resolve("out").toString()));
    if (!List.of(args).contains("--report")) all.addAll(List.of("--report", "json,sarif"));
    all.addAll(List.of(args));
    return Cli.run(all.toArray(String[]::new));
  }

  JsonNode report(String ext) throws Exception {
    try (Stream<Path> files = Files.list(dir.resolve("out"))) {
      List<Path> found = files.filter(p -> p.toString().endsWith(ext)).toList();
      assertThat(found).as("one " + ext + " report").hasSize(1);
      return FactsJson.mapper().readTree(found.get(0).toFile());
    }
  }

  static JsonNode target(JsonNode report, String labelEnd) {
    for (JsonNode t : report.path("targets")) if (t.path("target").path("label").asText().endsWith(labelEnd)) return t;
    throw new AssertionError("no target " + labelEnd + " in " + report.path("targets"));
  }

  static JsonNode check(JsonNode target, String id) {
    for (JsonNode c : target.path("checks")) if (c.path("id").asText().equals(id)) return c;
    throw new AssertionError("no check " + id);
  }

  /** A check's prevents code, from the report's catalog (a report of many targets says it once). */
  static String prevents(JsonNode report, String id) {
    for (JsonNode c : report.path("checks")) if (c.path("id").asText().equals(id)) return c.path("prevents").asText();
    throw new AssertionError("no check " + id + " in the catalog");
  }

  static List<String> ids(JsonNode target, String status) {
    List<String> out = new ArrayList<>();
    for (JsonNode c : target.path("checks")) if (c.path("status").asText().equals(status)) out.add(c.path("id").asText());
    return out;
  }

  static List<String> messages(JsonNode check) {
    List<String> out = new ArrayList<>();
    for (JsonNode f : check.path("findings")) out.add(f.path("msg").asText());
    return out;
  }

  @Test
  void aPlanThatDeclaresACompleteSetupPassesAndSaysWhatItDidNotCheck() throws Exception {
    Cli run = scan(PLANS.resolve("pass.tfplan.json").toString());
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode r = report(".json");
    assertThat(r.path("schema").asText()).isEqualTo("exportguard.report/v2");
    JsonNode t = target(r, "pass.tfplan.json#alicloud_image_export.nightly");
    assertThat(t.path("target").path("kind").asText()).isEqualTo("plan-resource");
    assertThat(t.path("target").path("ossBucket").asText()).isEqualTo("my-export-bucket");
    assertThat(t.path("target").path("location").path("definedAt").path("file").asText()).endsWith("terraform/main.tf");
    assertThat(t.path("target").path("location").path("definedAt").path("line").asInt()).isEqualTo(39);
    assertThat(ids(t, "fail")).isEmpty();
    assertThat(ids(t, "pass")).contains("EG-ROLE-002", "EG-ROLE-003", "EG-BUCKET-003", "EG-BUCKET-006", "EG-REQ-002");
    // The image and running tasks are not in the plan: skipped with the reason, not passed.
    assertThat(ids(t, "skipped")).contains("EG-IMAGE-001", "EG-TASK-001", "EG-REGION-001");
    assertThat(messages(check(t, "EG-IMAGE-001"))).anyMatch(m -> m.contains("not declared in the scanned files"));
    assertThat(r.path("scope").path("inputs").get(0).path("kind").asText()).isEqualTo("terraform-plan");
    assertThat(r.path("scope").path("notes").toString()).contains("skipped and do not affect the verdict");
  }

  @Test
  void aPlannedRoleMissingTwoActionsFailsWithTheCheckMessagesAndCodeOfPreflightOnTheLiveRole() throws Exception {
    Cli run = scan(PLANS.resolve("role-missing-actions.tfplan.json").toString());
    assertThat(run.code()).as(run.err()).isEqualTo(1);
    JsonNode scannedReport = report(".json");
    JsonNode scanned = check(target(scannedReport, "alicloud_image_export.nightly"), "EG-ROLE-003");
    assertThat(scanned.path("status").asText()).isEqualTo("fail");

    Path live = dir.resolve("live");
    Cli preflight = Cli.run("preflight", "--sandbox", "NoSetRoletoECSServiceAcount", "--region", "cn-hangzhou",
        "--image", "m-bp1demo0001", "--bucket", "my-export-bucket", "--prefix", "nightly", "--report", "json",
        "--out", live.toString());
    assertThat(preflight.code()).as(preflight.err()).isEqualTo(1);
    JsonNode gathered = null;
    for (JsonNode c : Report.in(live).json().path("checks")) if (c.path("id").asText().equals("EG-ROLE-003")) gathered = c;
    assertThat(gathered).isNotNull();
    assertThat(gathered.path("status").asText()).isEqualTo("fail");
    assertThat(prevents(scannedReport, "EG-ROLE-003")).isEqualTo(gathered.path("prevents").asText())
        .isEqualTo("NoSetRoletoECSServiceAcount");
    assertThat(messages(scanned)).containsExactlyElementsOf(messages(gathered)).hasSize(2);
    // The finding points at the attachment in the plan and in the .tf source.
    assertThat(scanned.path("location").path("address").asText()).isEqualTo("alicloud_ram_role_policy_attachment.export");
    assertThat(scanned.path("location").path("definedAt").path("line").asInt()).isEqualTo(24);
  }

  @Test
  void sarifPointsAtTheTfLineThenThePlanWithTheResourceAddress() throws Exception {
    Cli run = scan(PLANS.resolve("bad-trust-public-bucket.tfplan.json").toString(), "--report", "json,sarif,html,console");
    assertThat(run.code()).as(run.err()).isEqualTo(1);
    JsonNode t = target(report(".json"), "alicloud_image_export.nightly");
    assertThat(ids(t, "fail")).containsExactlyInAnyOrder("EG-ROLE-002", "EG-BUCKET-003");
    assertThat(ids(t, "warn")).contains("EG-ROLE-004", "EG-BUCKET-006");
    JsonNode sarif = report(".sarif");
    JsonNode acl = null;
    for (JsonNode res : sarif.path("runs").get(0).path("results")) if (res.path("ruleId").asText().equals("EG-BUCKET-003")) acl = res;
    assertThat(acl).isNotNull();
    JsonNode tf = acl.path("locations").get(0).path("physicalLocation");
    assertThat(tf.path("artifactLocation").path("uri").asText()).isEqualTo(PLANS.resolve("main.tf").toString());
    assertThat(tf.path("region").path("startLine").asInt()).isEqualTo(30);
    JsonNode plan = acl.path("locations").get(1).path("physicalLocation");
    assertThat(plan.path("artifactLocation").path("uri").asText()).endsWith("bad-trust-public-bucket.tfplan.json");
    assertThat(plan.path("region").path("startLine").asInt()).isGreaterThan(1);
    assertThat(acl.path("locations").get(0).path("logicalLocations").get(0).path("name").asText())
        .isEqualTo("alicloud_oss_bucket.export");
    assertThat(acl.path("relatedLocations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText())
        .endsWith("bucket/acl.rego");
    // HTML and console name the resource address and the .tf line too.
    assertThat(run.out()).contains("at: " + PLANS.resolve("main.tf") + ":30  alicloud_oss_bucket.export");
    try (Stream<Path> files = Files.list(dir.resolve("out"))) {
      Path html = files.filter(f -> f.toString().endsWith(".html")).findFirst().orElseThrow();
      assertThat(Files.readString(html)).contains("declared at <code>" + PLANS.resolve("main.tf") + ":30  alicloud_oss_bucket.export")
          .contains("Files scanned");
    }
  }

  @Test
  void requestLevelChecksDecideTheDeclaredExportsArguments() throws Exception {
    Cli run = scan(PLANS.resolve("request-invalid.tfplan.json").toString());
    assertThat(run.code()).as(run.err()).isEqualTo(1);
    JsonNode r = report(".json");
    JsonNode t = target(r, "alicloud_image_export.nightly");
    assertThat(ids(t, "fail")).containsExactly("EG-REQ-002");
    // A declared export that leaves out the format and the role gets ExportImage's defaults (raw, the default role).
    assertThat(ids(t, "pass")).contains("EG-REQ-003", "EG-REQ-005");
    JsonNode prefix = check(t, "EG-REQ-002");
    assertThat(prevents(r, "EG-REQ-002")).isEqualTo("InvalidOSSPrefix.Malformed");
    assertThat(prefix.path("location").path("address").asText()).isEqualTo("alicloud_image_export.nightly");
  }

  @Test
  void aDeclaredImageIsCheckedOnWhatThePlanSetsAndItsSourcesFactsAreSkipped() throws Exception {
    Cli run = scan(PLANS.resolve("images.tfplan.json").toString());
    assertThat(run.code()).as(run.err()).isEqualTo(1);
    JsonNode r = report(".json");
    // From a snapshot: exists, own, Available, named well, Linux, one system disk and no data disk.
    JsonNode golden = target(r, "alicloud_image_export.golden");
    assertThat(ids(golden, "pass")).contains("EG-IMAGE-001", "EG-IMAGE-002", "EG-IMAGE-003", "EG-IMAGE-006",
        "EG-IMAGE-007", "EG-IMAGE-008");
    // Its snapshots' encryption and lineage come from the source disks, outside the plan.
    assertThat(ids(golden, "skipped")).contains("EG-IMAGE-004", "EG-IMAGE-005");
    assertThat(messages(check(golden, "EG-IMAGE-005"))).anyMatch(m -> m.contains("snapshots is unknown"));
    assertThat(check(golden, "EG-IMAGE-007").path("location").path("address").asText()).isEqualTo("alicloud_image.golden");
    assertThat(golden.path("summary").path("verdict").asText()).isEqualTo("pass");
    // Five data disks, a Windows platform and a malformed name: the errors ExportImage would give.
    JsonNode windows = target(r, "alicloud_image_export.windows");
    assertThat(ids(windows, "fail")).containsExactlyInAnyOrder("EG-IMAGE-006", "EG-IMAGE-007");
    assertThat(ids(windows, "warn")).containsExactly("EG-IMAGE-008");
    assertThat(prevents(r, "EG-IMAGE-006")).isEqualTo("InvalidImage.DiskAmountOrSize");
    assertThat(messages(check(windows, "EG-IMAGE-006"))).anyMatch(m -> m.contains("has 5 data disks"));
    // From an instance: its disks and OS are the instance's, so those checks are skipped with the reason.
    JsonNode instance = target(r, "alicloud_image_export.from_instance");
    assertThat(ids(instance, "skipped")).contains("EG-IMAGE-006", "EG-IMAGE-008");
    assertThat(messages(check(instance, "EG-IMAGE-006"))).anyMatch(m -> m.contains("those of instance i-bp1demo0001"));
    assertThat(ids(instance, "pass")).contains("EG-IMAGE-001", "EG-IMAGE-003", "EG-IMAGE-007");
  }

  @Test
  void aRosCustomImageIsTheImageOfTheRequestTheFlagsGive() throws Exception {
    Cli run = scan(FIXTURES.resolve("ros/image.ros.yaml").toString(), "--region", "cn-hangzhou", "--bucket",
        "my-export-bucket");
    assertThat(run.code()).as(run.err()).isEqualTo(1);
    JsonNode t = report(".json").path("targets").get(0);
    assertThat(ids(t, "fail")).containsExactly("EG-IMAGE-006");
    assertThat(messages(check(t, "EG-IMAGE-006"))).anyMatch(m -> m.contains("has 5 data disks"));
    assertThat(check(t, "EG-IMAGE-006").path("location").path("address").asText()).isEqualTo("Golden");
    assertThat(ids(t, "pass")).contains("EG-IMAGE-001", "EG-IMAGE-007", "EG-IMAGE-008");
    assertThat(ids(t, "skipped")).contains("EG-IMAGE-004", "EG-IMAGE-005");
  }

  @Test
  void withNoExportDeclaredAndNoRequestFlagsTheRequestChecksAreSkippedNotDecidedOnDefaults() throws Exception {
    Cli run = scan("--trust-policy", FIXTURES.resolve("policies/trust-ecs.json").toString());
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode r = report(".json");
    JsonNode t = r.path("targets").get(0);
    assertThat(ids(t, "skipped")).contains("EG-REQ-001", "EG-REQ-002", "EG-REQ-003", "EG-REQ-005");
    assertThat(messages(check(t, "EG-REQ-003"))).anyMatch(m -> m.contains("no export request declared"));
    // What the file declares is still decided: the trust policy of the default role.
    assertThat(check(t, "EG-ROLE-002").path("status").asText()).isEqualTo("pass");
    assertThat(r.path("scope").path("notes").toString()).contains("no export request declared");

    // A plan that declares nothing an export uses decides nothing: an error, not a pass.
    Files.walk(dir.resolve("out")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    Path vpc = Files.writeString(dir.resolve("vpc.tfplan.json"), """
        {"format_version": "1.2", "terraform_version": "1.11.4",
         "resource_changes": [{"address": "alicloud_vpc.main", "mode": "managed", "type": "alicloud_vpc",
           "name": "main", "change": {"actions": ["create"], "before": null, "after": {"cidr_block": "10.0.0.0/8"},
           "after_unknown": {"id": true}}}]}
        """);
    Cli nothing = scan(vpc.toString());
    assertThat(nothing.code()).as(nothing.err()).isEqualTo(2);
    assertThat(report(".json").path("summary").path("verdict").asText()).isEqualTo("error");
  }

  @Test
  void valuesKnownOnlyAfterApplyAreSkippedWithTheReasonNotTakenAsEmpty() throws Exception {
    Cli run = scan(PLANS.resolve("unknown-values.tfplan.json").toString());
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode t = target(report(".json"), "alicloud_image_export.nightly");
    JsonNode permissions = check(t, "EG-ROLE-003");
    assertThat(permissions.path("status").asText()).isEqualTo("skipped");
    assertThat(messages(permissions)).anyMatch(m -> m.contains("known only after apply (alicloud_ram_policy.export.policy_document)"));
    assertThat(messages(check(t, "EG-REQ-001"))).anyMatch(m -> m.contains("request.imageId is unknown"));
    // What the plan does establish is still decided.
    assertThat(ids(t, "pass")).contains("EG-ROLE-002", "EG-BUCKET-003", "EG-REQ-002", "EG-REQ-004");
  }

  @Test
  void modulesAndSeveralExportsInOnePlanAreEachATarget() throws Exception {
    Cli run = scan(PLANS.resolve("modules.tfplan.json").toString());
    assertThat(run.code()).as(run.err()).isEqualTo(1);
    JsonNode r = report(".json");
    assertThat(r.path("summary").path("targets").asInt()).isEqualTo(2);
    JsonNode eu = target(r, "module.eu.alicloud_image_export.nightly");
    JsonNode us = target(r, "module.us.alicloud_image_export.nightly");
    assertThat(eu.path("summary").path("verdict").asText()).isEqualTo("pass");
    assertThat(us.path("summary").path("verdict").asText()).isEqualTo("fail");
    JsonNode acl = check(us, "EG-BUCKET-003");
    assertThat(messages(acl)).containsExactly("OSS bucket exports-us has ACL public-read: the exported image would be public");
    assertThat(acl.path("location").path("definedAt").path("file").asText()).endsWith("terraform/modules/us/main.tf");
    assertThat(acl.path("location").path("definedAt").path("line").asInt()).isEqualTo(2);
    // The role at the root module is the one both exports use.
    assertThat(check(us, "EG-ROLE-003").path("status").asText()).isEqualTo("pass");
  }

  @Test
  void bucketSettingResourcesAreResolvedToTheirBucket() throws Exception {
    Cli run = scan(PLANS.resolve("bucket-settings.tfplan.json").toString());
    assertThat(run.code()).as(run.err()).isEqualTo(1);
    JsonNode t = target(report(".json"), "alicloud_image_export.nightly");
    assertThat(ids(t, "fail")).containsExactlyInAnyOrder("EG-BUCKET-003", "EG-BUCKET-004");
    assertThat(check(t, "EG-BUCKET-004").path("location").path("address").asText()).isEqualTo("alicloud_oss_bucket_policy.export");
    assertThat(check(t, "EG-BUCKET-003").path("location").path("address").asText()).isEqualTo("alicloud_oss_bucket_acl.export");
    assertThat(messages(check(t, "EG-BUCKET-007"))).anyMatch(m -> m.contains("key-hzz6a3e0example"));
  }

  @Test
  void rosTemplatesResolveFunctionsAndParameters() throws Exception {
    Path ros = FIXTURES.resolve("ros");
    Cli pass = scan(ros.resolve("export-pass.ros.yaml").toString(), "--region", "cn-hangzhou", "--account-id", ACCOUNT);
    assertThat(pass.code()).as(pass.err()).isZero();
    JsonNode t = report(".json").path("targets").get(0);
    assertThat(t.path("target").path("kind").asText()).isEqualTo("request");
    assertThat(ids(t, "pass")).contains("EG-ROLE-002", "EG-ROLE-003", "EG-BUCKET-003", "EG-BUCKET-006");

    Files.walk(dir.resolve("out")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    Cli fail = scan(ros.resolve("export-fail.ros.yaml").toString(), "--region", "cn-hangzhou", "--account-id", ACCOUNT);
    assertThat(fail.code()).as(fail.err()).isEqualTo(1);
    t = report(".json").path("targets").get(0);
    assertThat(ids(t, "fail")).containsExactlyInAnyOrder("EG-ROLE-003", "EG-BUCKET-003");
    assertThat(messages(check(t, "EG-ROLE-003"))).anyMatch(m -> m.startsWith("oss:ListParts on acs:oss:*:" + ACCOUNT
        + ":my-export-bucket/* is not certainly allowed"));
    assertThat(check(t, "EG-BUCKET-003").path("location").path("address").asText()).isEqualTo("Bucket");
    assertThat(check(t, "EG-BUCKET-003").path("location").path("line").asInt()).isEqualTo(42);

    Files.walk(dir.resolve("out")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    Cli params = scan(ros.resolve("export-pass.ros.yaml").toString(), "--parameters", ros.resolve("parameters.json").toString(),
        "--region", "cn-hangzhou", "--account-id", ACCOUNT);
    assertThat(params.code()).as(params.err()).isZero();
    assertThat(report(".json").path("targets").get(0).path("target").path("ossBucket").asText()).isEqualTo("team-exports");
  }

  @Test
  void rosConditionsMappingsAndManagedPolicyRolesDecideAsTheTemplateWillBeApplied() throws Exception {
    Path ros = FIXTURES.resolve("ros");
    Cli dev = scan(ros.resolve("conditions.ros.yaml").toString(), "--region", "cn-hangzhou", "--account-id", ACCOUNT);
    assertThat(dev.code()).as(dev.err()).isEqualTo(1);
    JsonNode t = report(".json").path("targets").get(0);
    assertThat(t.path("target").path("ossBucket").asText()).isEqualTo("hz-exports");
    assertThat(ids(t, "fail")).containsExactly("EG-BUCKET-003");
    assertThat(ids(t, "pass")).contains("EG-ROLE-003");
    assertThat(ids(t, "warn")).containsExactly("EG-BUCKET-007");

    Files.walk(dir.resolve("out")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    Cli prod = scan(ros.resolve("conditions.ros.yaml").toString(), "--region", "cn-hangzhou", "--account-id", ACCOUNT,
        "--parameters", ros.resolve("prod.parameters.json").toString());
    assertThat(prod.code()).as(prod.err()).isZero();
    assertThat(check(report(".json").path("targets").get(0), "EG-BUCKET-003").path("status").asText()).isEqualTo("pass");
  }

  @Test
  void policyFilesUnderReviewAreCheckedAsTheRolesAndBucketsPolicies() throws Exception {
    Path p = FIXTURES.resolve("policies");
    Cli run = scan("--trust-policy", p.resolve("trust-any.json").toString(), "--role-policy",
        p.resolve("role-oss-six-actions.json").toString(), "--bucket-policy", p.resolve("bucket-deny-put.json").toString(),
        "--region", "cn-hangzhou", "--bucket", "my-export-bucket", "--account-id", ACCOUNT);
    assertThat(run.code()).as(run.err()).isEqualTo(1);
    JsonNode t = report(".json").path("targets").get(0);
    assertThat(ids(t, "fail")).containsExactlyInAnyOrder("EG-ROLE-002", "EG-ROLE-006", "EG-ROLE-003", "EG-BUCKET-004");
    assertThat(check(t, "EG-ROLE-006").path("location").path("file").asText()).endsWith("trust-any.json");
    assertThat(check(t, "EG-BUCKET-004").path("location").path("file").asText()).endsWith("bucket-deny-put.json");
    // No image was given: its checks are skipped, never passed.
    assertThat(ids(t, "skipped")).contains("EG-IMAGE-001");
  }

  @Test
  void aTrustPolicyAloneDoesNotFailThePermissionsItDoesNotShow() throws Exception {
    Cli run = scan("--trust-policy", FIXTURES.resolve("policies/trust-ecs.json").toString(), "--region", "cn-hangzhou",
        "--bucket", "my-export-bucket");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode t = report(".json").path("targets").get(0);
    assertThat(check(t, "EG-ROLE-002").path("status").asText()).isEqualTo("pass");
    assertThat(check(t, "EG-ROLE-003").path("status").asText()).isEqualTo("skipped");
  }

  @Test
  void liveFactsFillInTheImageAPlanDoesNotDeclare() throws Exception {
    Cli run = scan(PLANS.resolve("pass.tfplan.json").toString(), "--live", "--sandbox", "demo-pass");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode t = target(report(".json"), "alicloud_image_export.nightly");
    assertThat(check(t, "EG-IMAGE-001").path("status").asText()).isEqualTo("pass");
    assertThat(check(t, "EG-TASK-001").path("status").asText()).isEqualTo("pass");
    // The role and bucket are still the plan's.
    assertThat(check(t, "EG-ROLE-003").path("location").path("address").asText())
        .isEqualTo("alicloud_ram_role_policy_attachment.export");
  }

  @Test
  void aSavedFactsDocumentFillsInTheImageToo() throws Exception {
    Path facts = dir.resolve("facts.json");
    Cli preflight = Cli.run("preflight", "--sandbox", "demo-pass", "--region", "cn-hangzhou", "--image", "m-bp1demo0001",
        "--bucket", "my-export-bucket", "--report", "json", "--out", dir.resolve("pre").toString(), "--save-facts",
        facts.toString());
    assertThat(preflight.code()).as(preflight.err()).isZero();
    Cli run = scan(PLANS.resolve("role-missing-actions.tfplan.json").toString(), "--facts", facts.toString());
    assertThat(run.code()).as(run.err()).isEqualTo(1);
    JsonNode t = target(report(".json"), "alicloud_image_export.nightly");
    assertThat(check(t, "EG-IMAGE-001").path("status").asText()).isEqualTo("pass");
    // The plan's role decides, not the live one (which has every action).
    assertThat(check(t, "EG-ROLE-003").path("status").asText()).isEqualTo("fail");
  }

  @Test
  void aFolderIsSearchedAndWhatItIgnoresIsListedWithTheReason() throws Exception {
    Cli run = scan(PLANS.toString());
    assertThat(run.code()).as(run.err()).isEqualTo(1);
    JsonNode r = report(".json");
    List<String> read = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    for (JsonNode i : r.path("scope").path("inputs")) {
      (i.path("ignored").asBoolean() ? ignored : read).add(i.path("path").asText() + " " + i.path("detail").asText());
    }
    assertThat(read).hasSize(8).allMatch(s -> s.contains(".tfplan.json"));
    assertThat(ignored).anyMatch(s -> s.contains("main.tf Terraform source: scan its plan"));
    assertThat(r.path("summary").path("targets").asInt()).isEqualTo(11);
  }
}
