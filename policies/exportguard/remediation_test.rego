# Every check of the pack over one facts document in which most of them fail, with names unlike the
# demo's: each finding carries a remediation rendered with this run's names. (Its own package, outside
# data.exportguard, so that it can walk every check.)
package exportguard_remediation_test

import data.exportguard.lib.fixtures

# A facts document in which most checks fail, with names unlike the demo's.
broken := {
	"schema": "exportguard.facts/v1",
	"request": {
		"regionId": "cn-shanghai", "imageId": "m-uf6team0042", "ossBucket": "Team_B", "ossPrefix": "night-ly",
		"imageFormat": "VHDX", "roleName": "ExportRoleB",
	},
	"region": {"id": "cn-shanghai", "exists": true},
	"image": {
		"id": "m-uf6team0042", "exists": true, "name": "9 nightly", "status": "Creating", "ownerAlias": "others",
		"productCode": "cmjj0001", "osType": "windows", "platform": "Windows Server 2019",
		"disks": [
			{"device": "/dev/xvda", "type": "system", "sizeGiB": 40, "snapshotId": "s-uf6sys", "snapshot": {"id": "s-uf6sys", "exists": true, "encrypted": true, "productCode": "cmjj0001"}},
			{"device": "/dev/xvdb", "type": "data", "sizeGiB": 900, "snapshotId": "s-uf6d1", "snapshot": {"id": "s-uf6d1", "exists": true, "encrypted": false, "productCode": ""}},
		],
	},
	"role": {
		"name": "ExportRoleB", "exists": true, "arn": "acs:ram::5550001112223334:role/exportroleb", "accountId": "5550001112223334",
		"trustPolicy": {"Version": "1", "Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": "*"}]},
		"attachedPolicies": [{"name": "Broad", "type": "Custom", "document": {"Version": "1", "Statement": [
			{"Effect": "Allow", "Action": ["*"], "Resource": ["acs:oss:cn-shanghai:*:*"]},
			{"Effect": "Deny", "Action": ["oss:PutObject"], "Resource": ["*"]},
		]}}],
	},
	"bucket": {
		"name": "Team_B", "exists": true, "regionId": "cn-beijing", "acl": "public-read",
		"encryption": {"algorithm": "KMS", "kmsKeyId": "key-team-b"},
		"policy": {"Version": "1", "Statement": [
			{"Effect": "Deny", "Principal": [], "Action": ["oss:GetObject"], "Resource": ["*"]},
			{"Effect": "Allow", "Principal": [], "Action": ["oss:GetObject"], "Resource": ["*"]},
		]},
	},
	"tasks": {
		"exportsInProgress": [{"taskId": "t-uf6run01", "imageId": "m-uf6team0042", "status": "Processing"}],
		"exportsThisWeek": [
			{"taskId": "t-uf6w1", "imageId": "m-x", "status": "Finished", "createdAt": "2026-03-02T10:15:00Z"},
			{"taskId": "t-uf6w2", "imageId": "m-y", "status": "Finished", "createdAt": "2026-03-04T08:00:00Z"},
		],
	},
	"exportTask": {
		"taskId": "t-uf6exp9", "regionId": "cn-shanghai", "imageId": "m-uf6team0042", "status": "Failed",
		"createdAt": "2026-03-01T09:00Z", "ossBucket": "team-b-dump", "objects": ["x_m-uf6team0042_system.raw.tar.gz"],
		"errorCode": "InvalidOSSBucket.NotFound",
	},
	"exportBucket": {"name": "team-b-dump", "owner": "account", "ownerId": "5550001112223334", "acl": "public-read", "policy": null},
	"principal": {
		"type": "user", "name": "team-b-admin", "arn": "acs:ram::5550001112223334:user/team-b-admin", "accountId": "5550001112223334",
		"attachedPolicies": [{"name": "TeamBAll", "type": "Custom", "document": {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}}],
		"groups": [],
	},
	"errors": [],
	"skipped": [],
}

config := object.union(data.exportguard.config, {"maxConcurrentExports": 1, "maxWeeklyExports": 2, "windowsBlocking": true, "unsupportedRegions": ["cn-shanghai"], "allowedExportBuckets": ["team-b-approved"]})

findings := [[id, f] |
	some area, checks in data.exportguard
	not area in {"lib", "config"}
	some name, check in checks
	not endswith(name, "_test")
	some f in (object.get(check, "deny", set()) | object.get(check, "warn", set()))
	id := concat(".", [area, name])
]

# Nothing exists, nothing is known, no region and no bucket were asked for.
missing := {
	"schema": "exportguard.facts/v1",
	"request": {"imageId": "m-uf6team0042", "roleName": "ExportRoleB"},
	"region": {"exists": false}, "image": {"exists": false}, "role": {"exists": false}, "bucket": {"exists": false},
	"tasks": {}, "errors": [], "skipped": [],
}

# The advisory checks: a format the region does not honour, no encryption, a trusted other account.
advisory := object.union(broken, {
	"request": {"imageFormat": "qcow2"},
	"bucket": {"encryption": {"algorithm": "None", "kmsKeyId": null}},
	"role": {"trustPolicy": {"Version": "1", "Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"Service": ["ecs.aliyuncs.com"], "RAM": ["acs:ram::9990001112223334:root"]}}]}},
})

advisory_findings := fs if {
	fs := findings with input as advisory
}

all_findings := array.concat(array.concat(broken_findings, missing_findings), advisory_findings)

broken_findings := fs if {
	fs := findings with input as broken with data.exportguard.config as config
}

missing_findings := fs if {
	fs := findings with input as missing
}

checks := {id |
	some area, pkgs in data.exportguard
	not area in {"lib", "config"}
	some name, _ in pkgs
	not endswith(name, "_test")
	id := concat(".", [area, name])
}

test_every_finding_carries_a_remediation_naming_the_run if {
	count(all_findings) > 30
	ids := {id | some [id, _] in all_findings}
	print("checks with findings:", count(ids), ids)
	count(ids) == count(checks)
	every [id, f] in all_findings {
		is_string(f.remediation)
		not contains(f.remediation, "my-export-bucket")
		not contains(f.remediation, "m-xxxx")
		not contains(f.remediation, "m-bp1demo0001")
		not contains(f.remediation, "AliyunECSImageExportDefaultRole --")
	}
}

test_remediation_names_the_weekly_dates if {
	some [id, f] in broken_findings
	id == "task.weekly"
	contains(f.remediation, "2026-03-09T10:15Z")
	contains(f.remediation, "--StartTime 2026-03-02T10:15Z")
}

test_remediation_names_the_running_task if {
	some [id, f] in all_findings
	id == "task.in_progress"
	contains(f.remediation, "aliyun ecs CancelTask --RegionId cn-shanghai --TaskId t-uf6run01")
}
