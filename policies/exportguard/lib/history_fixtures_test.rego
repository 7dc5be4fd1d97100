# Shared inputs of the history and RAM identity tests (an account audit's targets): an export that
# passes every history check, and RAM identities from harmless to administrator.
package exportguard.lib.audit_fixtures

export := {
	"request": {"regionId": "cn-shanghai", "imageId": "m-uf6a01", "ossBucket": "team-exports", "roleName": "AliyunECSImageExportDefaultRole"},
	"exportTask": {
		"taskId": "t-uf6e01", "regionId": "cn-shanghai", "imageId": "m-uf6a01", "status": "Finished",
		"createdAt": "2026-02-01T10:00Z", "finishedAt": "2026-02-01T10:30Z", "ossBucket": "team-exports",
		"imageFormat": "raw", "objects": ["n1_m-uf6a01_system.raw.tar.gz"], "errorCode": null, "errorMessage": null,
	},
	"exportBucket": {"name": "team-exports", "owner": "account", "ownerId": "5550001112223334", "regionId": "cn-shanghai", "acl": "private", "policy": null},
	"errors": [], "skipped": [],
}

exported(patch) := object.union(export, patch)

policy(name, statements) := {"name": name, "type": "Custom", "defaultVersion": "v1", "document": {"Version": "1", "Statement": statements}}

allow(actions, resources) := {"Effect": "Allow", "Action": actions, "Resource": resources}

deny(actions, resources) := {"Effect": "Deny", "Action": actions, "Resource": resources}

principal(type, name, policies, groups) := {
	"request": {"roleName": "AliyunECSImageExportDefaultRole"},
	"role": {"name": "AliyunECSImageExportDefaultRole", "exists": true, "attachedPolicies": [{"name": "AliyunECSImageExportRolePolicy", "type": "System"}]},
	"principal": {
		"type": type, "name": name, "arn": sprintf("acs:ram::5550001112223334:%s/%s", [type, name]),
		"accountId": "5550001112223334", "attachedPolicies": policies, "groups": groups,
	},
	"errors": [], "skipped": [],
}

reader := principal("user", "ann", [policy("ReadOnly", [allow(["ecs:Describe*"], ["*"])])], [])
