# Shared test inputs (loaded only with tests: the file name ends in _test.rego). `facts` is a
# facts document on which every check of the pack passes; tests derive failing inputs from it
# with object.union (objects merge, everything else is replaced).
package exportguard.lib.fixtures

eight_actions := [
	"oss:GetObject", "oss:PutObject", "oss:DeleteObject", "oss:GetBucketLocation",
	"oss:GetBucketInfo", "oss:AbortMultipartUpload", "oss:ListMultipartUploads", "oss:ListParts",
]

export_policy := {
	"name": "AliyunECSImageExportRolePolicy",
	"type": "System",
	"defaultVersion": "v1",
	"document": {"Version": "1", "Statement": [{"Effect": "Allow", "Action": eight_actions, "Resource": ["*"]}]},
}

snapshot(id) := {"id": id, "exists": true, "encrypted": false, "kmsKeyId": null, "productCode": "", "status": "accomplished"}

facts := {
	"schema": "exportguard.facts/v1",
	"request": {
		"regionId": "cn-hangzhou", "imageId": "m-bp1demo0001", "ossBucket": "my-export-bucket",
		"ossPrefix": "demo", "imageFormat": "raw", "roleName": "AliyunECSImageExportDefaultRole",
	},
	"region": {"id": "cn-hangzhou", "exists": true},
	"image": {
		"id": "m-bp1demo0001", "exists": true, "name": "web-base", "description": "", "status": "Available",
		"ownerAlias": "self", "productCode": "", "osType": "linux", "platform": "CentOS", "architecture": "x86_64",
		"tags": [{"key": "team", "value": "web"}],
		"disks": [
			{"device": "/dev/xvda", "type": "system", "sizeGiB": 40, "snapshotId": "s-sys", "snapshot": snapshot("s-sys")},
			{"device": "/dev/xvdb", "type": "data", "sizeGiB": 100, "snapshotId": "s-d1", "snapshot": snapshot("s-d1")},
		],
	},
	"role": {
		"name": "AliyunECSImageExportDefaultRole", "exists": true,
		"arn": "acs:ram::1234567890123456:role/aliyunecsimageexportdefaultrole", "accountId": "1234567890123456",
		"trustPolicy": {"Version": "1", "Statement": [{
			"Action": ["sts:AssumeRole"], "Effect": "Allow",
			"Principal": {"Service": ["ecs.aliyuncs.com"]},
		}]},
		"attachedPolicies": [export_policy],
	},
	"bucket": {
		"name": "my-export-bucket", "exists": true, "location": "oss-cn-hangzhou", "regionId": "cn-hangzhou",
		"acl": "private", "encryption": {"algorithm": "AES256", "kmsKeyId": null}, "versioning": null, "policy": null,
	},
	"tasks": {"exportsInProgress": [], "exportsThisWeek": []},
	"errors": [],
	"skipped": [],
}

# patched(patch) is the passing facts with the patch merged over them.
patched(patch) := object.union(facts, patch)

# policies(statements) is one custom policy holding the statements.
policies(statements) := [{"name": "Custom", "type": "Custom", "defaultVersion": "v1", "document": {"Version": "1", "Statement": statements}}]
