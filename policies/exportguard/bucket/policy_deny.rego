# METADATA
# scope: package
# title: Bucket policy does not deny the role any of the eight actions
# description: >-
#   A bucket policy Deny overrides every Allow of the role's own policies. A Deny whose principal
#   can be the export role ("*", the account, the role or its sessions) and that matches one of
#   the eight OSS actions on the export's concrete bucket or object ARN makes the export fail
#   (NoSetRoletoECSServiceAcount). Matching is EG-ROLE-003's; a Deny with a Condition counts.
# custom:
#   id: EG-BUCKET-004
#   severity: critical
#   prevents: NoSetRoletoECSServiceAcount
#   requires: [request, role, bucket, bucketPolicy]
#   remediation: >-
#     Remove or narrow the Deny statement the finding names (edit the policy JSON and upload it with
#     aliyun oss bucket-policy --method put oss://my-export-bucket policy.json), or delete the bucket
#     policy: aliyun oss bucket-policy --method delete oss://my-export-bucket
package exportguard.bucket.policy_deny

import data.exportguard.lib.facts
import data.exportguard.lib.ram

# null (no bucket policy) gives no statements.
entries := ram.statements_of("bucket policy", input.bucket.policy)

targets := ram.export_targets(data.exportguard.config.requiredOssActions, ram.export_context(input))

deny contains finding if {
	facts.bucket_exists
	some t in targets
	some r in ram.denied_for_role_by(entries, input.role, t.action, t.resource)
	finding := {
		"msg": sprintf("%s on %s is denied to role %s by the %s of %s: ExportImage would fail with NoSetRoletoECSServiceAcount", [t.action, t.resource, facts.role_name, describe_statement(r), facts.bucket_name]),
		"resource": t.resource,
		"action": t.action,
		"policy": r.policy,
		"statement": r.statement,
	}
}

deny contains finding if {
	facts.bucket_exists
	not "policy" in object.keys(input.bucket)
	finding := {
		"msg": sprintf("the bucket policy of %s is unknown (bucket.policy is missing; null means none)", [facts.bucket_name]),
		"resource": facts.bucket_name,
	}
}

deny contains finding if {
	facts.bucket_exists
	count(entries) > 0
	not ram.export_context(input)
	finding := {
		"msg": ram.unnamed_resources_msg,
		"resource": facts.bucket_name,
	}
}

describe_statement(r) := sprintf("bucket policy Statement[%d]", [r.statement])
