package io.exportguard.rego;

/** A representative export-check policy (about 30 rules) and a facts document of about 5 KB. */
final class BenchPolicy {
  private BenchPolicy() {}

  static final String POLICY = """
      package bench.export

      default allow := false

      allow if {
        count(deny) == 0
      }

      deny contains msg if {
        not input.image.exists
        msg := sprintf("image %s does not exist", [input.request.imageId])
      }

      deny contains msg if {
        input.image.status != "Available"
        msg := sprintf("image status is %s", [input.image.status])
      }

      deny contains msg if {
        input.image.ownerAlias != "self"
        msg := "only images owned by the account can be exported"
      }

      deny contains msg if {
        some disk in input.image.disks
        disk.snapshot.encrypted
        msg := sprintf("disk %s is encrypted", [disk.device])
      }

      deny contains msg if {
        some disk in input.image.disks
        disk.sizeGiB > data.config.maxDiskGiB
        msg := sprintf("disk %s is larger than %d GiB", [disk.device, data.config.maxDiskGiB])
      }

      deny contains msg if {
        not valid_format
        msg := sprintf("format %s is not supported", [input.request.imageFormat])
      }

      deny contains msg if {
        not input.role.exists
        msg := "export role missing"
      }

      deny contains msg if {
        input.role.exists
        not trusts_ecs
        msg := "role does not trust ecs.aliyuncs.com"
      }

      deny contains msg if {
        not role_allows_put
        msg := "role cannot write to the bucket"
      }

      deny contains msg if {
        input.bucket.regionId != input.request.regionId
        msg := "bucket is in another region"
      }

      deny contains msg if {
        input.bucket.acl == "public-read-write"
        msg := "bucket is public"
      }

      deny contains msg if {
        count(input.tasks.exportsInProgress) >= data.config.maxConcurrent
        msg := "too many exports in progress"
      }

      deny contains msg if {
        some tag in input.image.tags
        tag.key == "do-not-export"
        msg := "image is tagged do-not-export"
      }

      deny contains msg if {
        some name in blocked_names
        startswith(input.image.name, name)
        msg := sprintf("image name starts with %s", [name])
      }

      warn contains msg if {
        input.bucket.encryption.algorithm == "none"
        msg := "bucket is not encrypted"
      }

      warn contains msg if {
        not input.bucket.versioning
        msg := "bucket versioning is off"
      }

      warn contains msg if {
        count(input.tasks.exportsThisWeek) > 10
        msg := "many exports this week"
      }

      warn contains msg if {
        some s in statements
        s.Effect == "Allow"
        "*" in s.Action
        msg := "role policy allows every action"
      }

      valid_format if input.request.imageFormat in {"raw", "qcow2", "vhd", "vmdk"}

      blocked_names := ["tmp-", "test-", "scratch-"]

      trusts_ecs if {
        some st in input.role.trustPolicy.Statement
        st.Effect == "Allow"
        "ecs.aliyuncs.com" in st.Principal.Service
      }

      statements contains s if {
        some p in input.role.attachedPolicies
        some s in p.document.Statement
      }

      role_allows_put if {
        some s in statements
        s.Effect == "Allow"
        some a in s.Action
        action_matches(a, "oss:PutObject")
        some r in s.Resource
        resource_matches(r)
      }

      action_matches(a, _) if a == "oss:*"
      action_matches(a, want) if a == want
      action_matches(a, _) if a == "*"

      resource_matches(r) if r == "*"
      resource_matches(r) if r == sprintf("acs:oss:*:*:%s/*", [input.bucket.name])
      resource_matches(r) if r == sprintf("acs:oss:*:*:%s", [input.bucket.name])

      disk_total := sum([d.sizeGiB | some d in input.image.disks])

      summary := {
        "allow": allow,
        "deny": count(deny),
        "warn": count(warn),
        "diskTotal": disk_total,
      }
      """;

  static final String DATA = """
      {"config": {"maxDiskGiB": 500, "maxConcurrent": 5}}
      """;

  /** About 5 KB of facts: an image with several disks and tags, a role with policies, a bucket, tasks. */
  static String input() {
    StringBuilder disks = new StringBuilder();
    for (int i = 0; i < 7; i++) {
      if (i > 0) disks.append(',');
      disks.append("""
          {"device": "/dev/xvd%c", "type": "%s", "sizeGiB": %d, "snapshotId": "s-bp1snap%04d",
           "snapshot": {"id": "s-bp1snap%04d", "encrypted": false, "kmsKeyId": null, "productCode": "", "status": "accomplished"}}
          """.formatted((char) ('a' + i), i == 0 ? "system" : "data", 40 + 20 * i, i, i));
    }
    StringBuilder tags = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      if (i > 0) tags.append(',');
      tags.append("{\"key\": \"team-%d\", \"value\": \"value-%d\"}".formatted(i, i));
    }
    StringBuilder tasks = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i > 0) tasks.append(',');
      tasks.append("{\"taskId\": \"t-%04d\", \"imageId\": \"m-bp1other%d\", \"status\": \"Finished\", \"createdAt\": \"2026-01-0%dT00:00:00Z\"}"
          .formatted(i, i, 1 + i));
    }
    return """
        {"schema": "exportguard.facts/v1",
         "request": {"regionId": "cn-hangzhou", "imageId": "m-bp1demo0001", "ossBucket": "my-export-bucket",
                     "ossPrefix": "exports/", "imageFormat": "qcow2", "roleName": "AliyunECSImageExportDefaultRole"},
         "region": {"id": "cn-hangzhou", "exists": true},
         "image": {"id": "m-bp1demo0001", "exists": true, "name": "web-base", "description": "base image for the web tier",
                   "status": "Available", "ownerAlias": "self", "productCode": "", "osType": "linux", "platform": "CentOS",
                   "architecture": "x86_64", "tags": [%s], "disks": [%s]},
         "role": {"name": "AliyunECSImageExportDefaultRole", "exists": true,
                  "arn": "acs:ram::1234567890123456:role/aliyunecsimageexportdefaultrole", "accountId": "1234567890123456",
                  "trustPolicy": {"Version": "1", "Statement": [{"Action": ["sts:AssumeRole"], "Effect": "Allow",
                                  "Principal": {"Service": ["ecs.aliyuncs.com"]}}]},
                  "attachedPolicies": [
                    {"name": "AliyunECSImageExportRolePolicy", "type": "System", "defaultVersion": "v1",
                     "document": {"Version": "1", "Statement": [
                       {"Action": ["oss:GetObject", "oss:PutObject", "oss:DeleteObject", "oss:GetBucketLocation",
                                   "oss:GetBucketInfo", "oss:AbortMultipartUpload", "oss:ListMultipartUploads",
                                   "oss:ListParts"], "Resource": ["*"], "Effect": "Allow"},
                       {"Action": ["ecs:DescribeImages", "ecs:DescribeSnapshots"], "Resource": ["*"], "Effect": "Allow"}]}},
                    {"name": "ReadOnlyExtra", "type": "Custom", "defaultVersion": "v3",
                     "document": {"Version": "1", "Statement": [
                       {"Action": ["oss:ListObjects", "oss:GetObjectMeta"], "Resource": ["acs:oss:*:*:my-export-bucket", "acs:oss:*:*:my-export-bucket/*"], "Effect": "Allow"},
                       {"Action": ["ram:GetRole"], "Resource": ["*"], "Effect": "Deny"}]}}]},
         "bucket": {"name": "my-export-bucket", "exists": true, "location": "oss-cn-hangzhou", "regionId": "cn-hangzhou",
                    "acl": "private", "encryption": {"algorithm": "AES256", "kmsKeyId": null}, "versioning": "Enabled",
                    "policy": null},
         "tasks": {"exportsInProgress": [], "exportsThisWeek": [%s]},
         "errors": [], "skipped": []}
        """.formatted(tags, disks, tasks);
  }
}
