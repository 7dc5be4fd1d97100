package io.exportguard.report;

import io.exportguard.facts.FactError;
import io.exportguard.policy.Verdicts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Hand-made reports for golden files, the browser test and the benchmark: 30 realistic checks. */
public final class SampleReports {
  private SampleReports() {}

  static final Instant STARTED = Instant.parse("2026-01-01T00:00:00Z");
  static final String TRUST_FIX = "aliyun ram UpdateRole --RoleName AliyunECSImageExportDefaultRole "
      + "--NewAssumeRolePolicyDocument '{\"Version\":\"1\",\"Statement\":[{\"Action\":\"sts:AssumeRole\","
      + "\"Effect\":\"Allow\",\"Principal\":{\"Service\":[\"ecs.aliyuncs.com\"]}}]}'";

  /** One row of the check catalogue: id, area, severity, prevents, title, remediation. */
  private record Def(String id, String area, Severity severity, String prevents, String title, String remediation) {}

  private static final List<Def> CATALOGUE = List.of(
      new Def("EG-REQ-001", "request", Severity.CRITICAL, "MissingParameter", "Region, image and bucket are given",
          "exportguard preflight --region cn-hangzhou --image m-... --bucket my-export-bucket"),
      new Def("EG-REQ-002", "request", Severity.HIGH, "InvalidOSSPrefix.Malformed", "OSS prefix is 1-30 letters or digits",
          "Pass --prefix with 1 to 30 letters or digits, e.g. --prefix exports2026"),
      new Def("EG-REQ-003", "request", Severity.HIGH, "InvalidImageFormat.Malformed", "Image format is raw, vhd, qcow2, vmdk or vdi",
          "Pass --format raw (or vhd, qcow2, vmdk, vdi)"),
      new Def("EG-REQ-004", "request", Severity.MEDIUM, null, "Role name is the export default role",
          "Pass --role AliyunECSImageExportDefaultRole"),
      new Def("EG-REGION-001", "region", Severity.CRITICAL, "InvalidRegionId.NotFound", "Region exists",
          "aliyun ecs DescribeRegions --output cols=RegionId"),
      new Def("EG-REGION-002", "region", Severity.HIGH, "InvalidRegion.NotSupport", "Region supports image export",
          "Copy the image to a supported region: aliyun ecs CopyImage --RegionId cn-hangzhou --ImageId m-... --DestinationRegionId cn-shanghai"),
      new Def("EG-REGION-003", "region", Severity.LOW, null, "Requested format is honoured in this region",
          "Export as raw, or export from a region that converts formats"),
      new Def("EG-IMAGE-001", "image", Severity.CRITICAL, "InvalidImageId.NotFound", "Image exists and belongs to this account",
          "aliyun ecs DescribeImages --RegionId cn-hangzhou --ImageOwnerAlias self --Status ALL"),
      new Def("EG-IMAGE-002", "image", Severity.HIGH, "IncorrectImageStatus", "Image is Available",
          "Wait until the image is Available: aliyun ecs DescribeImages --RegionId cn-hangzhou --ImageId m-..."),
      new Def("EG-IMAGE-003", "image", Severity.HIGH, "ImageNotSupported", "Image is not from Alibaba Cloud Marketplace",
          "Build a custom image from a public base image; Marketplace images cannot be exported"),
      new Def("EG-IMAGE-004", "image", Severity.HIGH, "InvalidImageLicense.NotSupported", "Image is not Windows Server",
          "Windows Server images cannot be exported; export a Linux image instead"),
      new Def("EG-IMAGE-005", "image", Severity.HIGH, "InvalidImage.DiskAmountOrSize", "At most 4 data disks, each at most 500 GiB",
          "Create an image with fewer or smaller data disks: aliyun ecs CreateImage --InstanceId i-... --DiskDeviceMapping.1.Size 500"),
      new Def("EG-IMAGE-006", "image", Severity.LOW, null, "Image carries an owner tag",
          "aliyun ecs TagResources --RegionId cn-hangzhou --ResourceType image --ResourceId.1 m-... --Tag.1.Key owner --Tag.1.Value team"),
      new Def("EG-IMAGE-007", "image", Severity.MEDIUM, "ImageIsExporting", "Image is not already being exported",
          "aliyun ecs DescribeTasks --RegionId cn-hangzhou --TaskAction ExportImage --TaskStatus Processing"),
      new Def("EG-SNAP-001", "snapshots", Severity.HIGH, "ImageNotSupported", "No disk snapshot is encrypted",
          "Encrypted images cannot be exported; create the image from unencrypted disks"),
      new Def("EG-SNAP-002", "snapshots", Severity.MEDIUM, null, "Every snapshot is accomplished",
          "aliyun ecs DescribeSnapshots --RegionId cn-hangzhou --SnapshotIds '[\"s-...\"]'"),
      new Def("EG-SNAP-003", "snapshots", Severity.HIGH, "ImageNotSupported", "No snapshot descends from a Marketplace image",
          "Rebuild the image from a public base image"),
      new Def("EG-ROLE-001", "role", Severity.CRITICAL, "NoSetRoletoECSServiceAcount", "Export role exists",
          "aliyun ram CreateRole --RoleName AliyunECSImageExportDefaultRole --AssumeRolePolicyDocument '{\"Version\":\"1\",\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":[\"ecs.aliyuncs.com\"]}}]}'"),
      new Def("EG-ROLE-002", "role", Severity.CRITICAL, "NoSetRoletoECSServiceAcount", "Export role trusts the ECS service",
          TRUST_FIX),
      new Def("EG-ROLE-003", "role", Severity.MEDIUM, null, "Export role trusts nothing but ECS", TRUST_FIX),
      new Def("EG-ROLE-004", "rolePolicies", Severity.CRITICAL, null, "Export role may write to the bucket",
          "aliyun ram AttachPolicyToRole --PolicyType System --PolicyName AliyunECSImageExportRolePolicy --RoleName AliyunECSImageExportDefaultRole"),
      new Def("EG-ROLE-005", "rolePolicies", Severity.MEDIUM, null, "Export role is not granted oss:* on every resource",
          "Replace the custom policy with AliyunECSImageExportRolePolicy"),
      new Def("EG-BUCKET-001", "bucket", Severity.CRITICAL, "InvalidOSSBucket.NotFound", "Bucket exists",
          "ossutil mb oss://my-export-bucket --region cn-hangzhou"),
      new Def("EG-BUCKET-002", "bucket", Severity.CRITICAL, "InvalidOSSBucket.NotMatched", "Bucket is in the image's region",
          "ossutil mb oss://my-export-bucket-hz --region cn-hangzhou"),
      new Def("EG-BUCKET-003", "bucket", Severity.HIGH, null, "Bucket is not public",
          "ossutil set-acl oss://<bucket> private -b"),
      new Def("EG-BUCKET-004", "bucket", Severity.LOW, null, "Bucket keeps versions",
          "ossutil bucket-versioning --method put oss://my-export-bucket enabled"),
      new Def("EG-BUCKET-005", "bucketPolicy", Severity.HIGH, null, "Bucket policy grants nothing to anonymous users",
          "ossutil bucket-policy --method delete oss://my-export-bucket"),
      new Def("EG-BUCKET-006", "bucketEncryption", Severity.MEDIUM, null, "Bucket encrypts objects at rest",
          "ossutil bucket-encryption --method put oss://my-export-bucket --sse-algorithm KMS"),
      new Def("EG-TASK-001", "tasks", Severity.HIGH, "ConcurrentQuotaExceed.ExportImage", "Concurrent export quota has room",
          "Wait for running exports: aliyun ecs DescribeTasks --RegionId cn-hangzhou --TaskAction ExportImage"),
      new Def("EG-TASK-002", "tasks", Severity.MEDIUM, "WeeklyQuotaExceed.ExportImage", "Weekly export quota has room",
          "Wait until next week or ask Alibaba Cloud support to raise the quota"));

  static final Report.Target TARGET = new Report.Target("cn-hangzhou", "m-bp1demo0001", "my-export-bucket",
      "exports", "raw", "AliyunECSImageExportDefaultRole");

  /** A passing run that went on to export: 27 pass, 2 warn, 1 waived. */
  public static Report passing() {
    List<Report.CheckResult> checks = new ArrayList<>();
    for (Def d : CATALOGUE) {
      Status status = Status.PASS;
      List<Report.Finding> findings = List.of();
      if (d.id().equals("EG-IMAGE-006")) {
        status = Status.WARN;
        findings = List.of(new Report.Finding("image m-bp1demo0001 has no 'owner' tag", "acs:ecs:cn-hangzhou:1234567890123456:image/m-bp1demo0001"));
      } else if (d.id().equals("EG-BUCKET-004")) {
        status = Status.WARN;
        findings = List.of(new Report.Finding("bucket my-export-bucket does not keep versions", "acs:oss:*:1234567890123456:my-export-bucket"));
      } else if (d.id().equals("EG-BUCKET-006")) {
        status = Status.WAIVED;
        findings = List.of(new Report.Finding("bucket my-export-bucket has no default encryption (waived until 2026-03-31: ticket SEC-4411)", "acs:oss:*:1234567890123456:my-export-bucket"));
      }
      checks.add(check(d, status, findings));
    }
    Report.ExportRecord export = new Report.ExportRecord("t-bp1export0001", "Finished",
        List.of(new Report.ExportedObject("exports/exports_m-bp1demo0001_system.raw.tar.gz", 1_073_741_824L,
            "5B3C1A0E9D2F4A7B8C6D5E4F3A2B1C0D-128")),
        "9f2c4e1a7b3d5f6e8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f",
        "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9");
    return new Report(Report.SCHEMA, new Report.Tool("exportguard", "0.1.0"), STARTED, 1840, TARGET,
        Verdicts.summarize(checks), checks, List.of(), export);
  }

  /** A failing run: 4 fail, 2 warn, 1 error, 1 skipped, 1 waived, the rest pass; one fact not gathered. */
  public static Report failing() {
    List<Report.CheckResult> checks = new ArrayList<>();
    for (Def d : CATALOGUE) {
      Status status = Status.PASS;
      List<Report.Finding> findings = List.of();
      switch (d.id()) {
        case "EG-ROLE-002" -> {
          status = Status.FAIL;
          findings = List.of(new Report.Finding(
              "role AliyunECSImageExportDefaultRole does not trust ecs.aliyuncs.com (trusted: ram.aliyuncs.com)",
              "acs:ram::1234567890123456:role/aliyunecsimageexportdefaultrole"));
        }
        case "EG-BUCKET-002" -> {
          status = Status.FAIL;
          findings = List.of(new Report.Finding(
              "bucket my-export-bucket is in oss-cn-shanghai, the image is in cn-hangzhou",
              "acs:oss:*:1234567890123456:my-export-bucket"));
        }
        case "EG-SNAP-001" -> {
          status = Status.FAIL;
          findings = List.of(
              new Report.Finding("snapshot s-bp1sys0001 of /dev/xvda is encrypted with KMS key 0e1c2f3a-kms",
                  "acs:ecs:cn-hangzhou:1234567890123456:snapshot/s-bp1sys0001",
                  "Copy /dev/xvda of m-bp1demo0001 to an unencrypted disk and make a new image"),
              new Report.Finding("snapshot s-bp1data0002 of /dev/xvdb is encrypted with KMS key 0e1c2f3a-kms",
                  "acs:ecs:cn-hangzhou:1234567890123456:snapshot/s-bp1data0002",
                  "Copy /dev/xvdb of m-bp1demo0001 to an unencrypted disk and make a new image"));
        }
        case "EG-BUCKET-003" -> {
          status = Status.FAIL;
          findings = List.of(new Report.Finding("bucket my-export-bucket has ACL public-read",
              "acs:oss:*:1234567890123456:my-export-bucket", "ossutil set-acl oss://my-export-bucket private -b"));
        }
        case "EG-ROLE-005" -> {
          status = Status.WARN;
          findings = List.of(new Report.Finding("policy ExportAll grants oss:* on *",
              "acs:ram::1234567890123456:policy/ExportAll"));
        }
        case "EG-IMAGE-006" -> {
          status = Status.WARN;
          findings = List.of(new Report.Finding("image m-bp1demo0001 has no 'owner' tag",
              "acs:ecs:cn-hangzhou:1234567890123456:image/m-bp1demo0001"));
        }
        case "EG-BUCKET-006" -> {
          status = Status.ERROR;
          findings = List.of(new Report.Finding(
              "fact bucketEncryption could not be gathered: oss:GetBucketEncryption Throttling.User", null));
        }
        case "EG-REGION-003" -> status = Status.SKIPPED;
        case "EG-BUCKET-004" -> {
          status = Status.WAIVED;
          findings = List.of(new Report.Finding("bucket my-export-bucket does not keep versions (waived: ticket SEC-4411)",
              "acs:oss:*:1234567890123456:my-export-bucket"));
        }
        default -> { }
      }
      checks.add(check(d, status, findings));
    }
    List<FactError> errors = List.of(new FactError("bucketEncryption", "oss:GetBucketEncryption", "Throttling.User",
        "Request was denied due to user flow control."));
    return new Report(Report.SCHEMA, new Report.Tool("exportguard", "0.1.0"), STARTED, 2315, TARGET,
        Verdicts.summarize(checks, errors), checks, errors, null);
  }

  /**
   * A run of many targets (an account audit, a static scan): the failing image, the passing one in
   * another region, an image whose facts could not all be gathered, a Terraform plan resource and a
   * policy file under review, plus a facts error that belongs to no single target.
   */
  public static Report manyTargets() {
    Report.TargetResult fail = failing().only();
    Report.TargetResult pass = passing().only();
    List<Report.TargetResult> targets = new ArrayList<>();
    targets.add(retarget(fail, "image", "cn-hangzhou/m-bp1demo0001", fail.target()));
    targets.add(retarget(pass, "image", "cn-shanghai/m-uf6team0042", new Report.Target("cn-shanghai", "m-uf6team0042",
        "team-b-images", "nightly", "qcow2", "AliyunECSImageExportDefaultRole")));
    List<Report.CheckResult> errored = new ArrayList<>();
    for (Report.CheckResult c : pass.checks()) {
      errored.add(!c.area().equals("role") ? c : new Report.CheckResult(c.id(), c.title(), c.description(), c.area(),
          c.severity(), Status.ERROR, c.prevents(), List.of(new Report.Finding(
              "fact area role could not be gathered: ram:GetRole Throttling.User", "role")), c.remediation(),
          c.policyFile(), c.line()));
    }
    List<FactError> roleError = List.of(new FactError("role", "ram:GetRole", "Throttling.User", "Request was denied."));
    targets.add(new Report.TargetResult(new Report.Target("image", "cn-beijing/m-2ze0busy0007", "cn-beijing",
        "m-2ze0busy0007", "exports-bj", null, "raw", "AliyunECSImageExportDefaultRole"),
        Verdicts.summarize(errored, roleError), errored, roleError, null));
    targets.add(retarget(fail, "plan-resource", "plans/export.tfplan.json#alicloud_image_export.nightly",
        new Report.Target("plan-resource", "plans/export.tfplan.json#alicloud_image_export.nightly", "cn-hangzhou",
            null, "my-export-bucket", "exports", "raw", "AliyunECSImageExportDefaultRole")));
    targets.add(retarget(pass, "file", "policies/trust.json", new Report.Target("file", "policies/trust.json", null,
        null, null, null, null, "AliyunECSImageExportDefaultRole")));
    targets.sort(java.util.Comparator.comparing(t -> t.target().key()));
    List<FactError> runErrors = List.of(new FactError("image", "ecs:DescribeImages", "ListingIncomplete",
        "the listing could not be read to its end: region ap-south-1 stopped after 20 pages"));
    return new Report(Report.SCHEMA_TARGETS, new Report.Tool("exportguard", "0.1.0"), STARTED, 48_210, targets,
        Report.Summary.total(targets, runErrors), runErrors);
  }

  /** {@code n} image targets, every tenth one failing, for size and speed checks. */
  public static Report manyTargets(int n) {
    Report.TargetResult fail = failing().only();
    Report.TargetResult pass = passing().only();
    List<Report.TargetResult> targets = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String image = String.format("m-bp1img%06d", i);
      targets.add(retarget(i % 10 == 0 ? fail : pass, "image", "cn-hangzhou/" + image, new Report.Target(
          "cn-hangzhou", image, "my-export-bucket", "exports", "raw", "AliyunECSImageExportDefaultRole")));
    }
    return new Report(Report.SCHEMA_TARGETS, new Report.Tool("exportguard", "0.1.0"), STARTED, 1, targets,
        Report.Summary.total(targets, List.of()), List.of());
  }

  /** The regions of {@link #audit}, image {@code i} in region {@code i % 4}. */
  public static final List<String> AUDIT_REGIONS = List.of("cn-hangzhou", "cn-shanghai", "eu-central-1", "us-west-1");

  /**
   * An account audit's report: {@code images} images over {@link #AUDIT_REGIONS}, every 25th
   * failing (the failing sample's checks) and every 40th that is not failing with an error, the
   * others passing every check; and the account and three RAM users, one of them failing.
   */
  public static Report audit(int images) {
    Report.TargetResult fail = failing().only();
    List<Report.CheckResult> clean = new ArrayList<>();
    for (Report.CheckResult c : passing().only().checks()) {
      clean.add(new Report.CheckResult(c.id(), c.title(), c.description(), c.area(), c.severity(), Status.PASS,
          c.prevents(), List.of(), c.remediation(), c.policyFile(), c.line()));
    }
    Report.TargetResult pass = new Report.TargetResult(passing().target(), Verdicts.summarize(clean, List.of()), clean,
        List.of(), null);
    List<FactError> snapshots = List.of(new FactError("snapshots", "ecs:DescribeSnapshots", "Throttling.User",
        "Request was denied due to user flow control."));
    List<Report.CheckResult> errored = new ArrayList<>();
    for (Report.CheckResult c : clean) {
      errored.add(!c.area().equals("snapshots") ? c : new Report.CheckResult(c.id(), c.title(), c.description(),
          c.area(), c.severity(), Status.ERROR, c.prevents(), List.of(new Report.Finding(
              "fact area snapshots could not be gathered: ecs:DescribeSnapshots Throttling.User", "snapshots")),
          c.remediation(), c.policyFile(), c.line()));
    }
    Report.TargetResult error = new Report.TargetResult(passing().target(), Verdicts.summarize(errored, snapshots),
        errored, snapshots, null);
    List<Report.TargetResult> targets = new ArrayList<>();
    for (int i = 0; i < images; i++) {
      String region = AUDIT_REGIONS.get(i % AUDIT_REGIONS.size());
      String image = String.format("m-aud%06d", i);
      Report.TargetResult r = i % 25 == 0 ? fail : i % 40 == 0 ? error : pass;
      targets.add(retarget(r, "image", region + "/" + image, new Report.Target(region, image, null, null, null,
          "AliyunECSImageExportDefaultRole")));
    }
    targets.add(retarget(pass, "account", "1234567890123456", new Report.Target(null, null, null, null, null,
        "AliyunECSImageExportDefaultRole")));
    for (String user : List.of("alice", "bob", "carol")) {
      targets.add(retarget(user.equals("bob") ? fail : pass, "ram-user", user, new Report.Target(null, null, null,
          null, null, "AliyunECSImageExportDefaultRole")));
    }
    targets.sort(java.util.Comparator.comparing(t -> t.target().key()));
    return new Report(Report.SCHEMA_TARGETS, new Report.Tool("exportguard", "0.1.0"), STARTED, 61_000, targets,
        Report.Summary.total(targets, List.of()), List.of());
  }

  private static Report.TargetResult retarget(Report.TargetResult r, String kind, String label, Report.Target t) {
    return new Report.TargetResult(new Report.Target(kind, label, t.regionId(), t.imageId(), t.ossBucket(),
        t.ossPrefix(), t.imageFormat(), t.roleName()), r.summary(), r.checks(), r.errors(), null);
  }

  /** Applies {@code f} to every string of the report (target, tool, checks, findings, errors, export). */
  public static Report mapStrings(Report r, UnaryOperator<String> f) {
    List<Report.CheckResult> checks = new ArrayList<>();
    for (Report.CheckResult c : r.checks()) {
      List<Report.Finding> findings = new ArrayList<>();
      for (Report.Finding x : c.findings()) {
        findings.add(new Report.Finding(f.apply(x.msg()), f.apply(x.resource()), f.apply(x.remediation())));
      }
      checks.add(new Report.CheckResult(f.apply(c.id()), f.apply(c.title()), f.apply(c.description()), f.apply(c.area()),
          c.severity(), c.status(), f.apply(c.prevents()), findings, f.apply(c.remediation()), f.apply(c.policyFile()),
          c.line()));
    }
    List<FactError> errors = new ArrayList<>();
    for (FactError e : r.errors()) errors.add(new FactError(f.apply(e.area()), f.apply(e.api()), f.apply(e.code()), f.apply(e.message())));
    Report.Target t = r.target();
    Report.ExportRecord export = null;
    if (r.export() != null) {
      Report.ExportRecord e = r.export();
      List<Report.ExportedObject> objects = new ArrayList<>();
      for (Report.ExportedObject o : e.objects()) objects.add(new Report.ExportedObject(f.apply(o.key()), o.size(), f.apply(o.etag())));
      export = new Report.ExportRecord(f.apply(e.taskId()), f.apply(e.status()), objects, f.apply(e.factsSha256()),
          f.apply(e.policiesSha256()));
    }
    return new Report(r.schema(), new Report.Tool(f.apply(r.tool().name()), f.apply(r.tool().version())), r.startedAt(),
        r.durationMs(), new Report.Target(f.apply(t.regionId()), f.apply(t.imageId()), f.apply(t.ossBucket()),
        f.apply(t.ossPrefix()), f.apply(t.imageFormat()), f.apply(t.roleName())), r.summary(), checks, errors, export);
  }

  private static Report.CheckResult check(Def d, Status status, List<Report.Finding> findings) {
    String name = d.id().toLowerCase().replace("eg-", "").replace('-', '_');
    return new Report.CheckResult(d.id(), d.title(), d.title() + ". Checked before ExportImage is called.", d.area(),
        d.severity(), status, d.prevents(), findings, d.remediation(),
        "policies/exportguard/" + d.area().toLowerCase() + "/" + name + ".rego", 1 + (d.id().hashCode() & 7));
  }
}
