# METADATA
# scope: package
# title: Attached policies allow all eight OSS actions on the bucket
# description: >-
#   ECS writes the export as the role, so the role's attached policies together must allow the
#   eight OSS actions (data requiredOssActions) on the concrete bucket and object ARNs, and no
#   Deny in them may match. Actions match case-insensitively, resources case-sensitively, with *
#   and ? patterns; NotAction/NotResource match what their patterns do not; Deny wins; an Allow
#   with a Condition does not count (its context is unknown before the export) and a Deny with
#   one does. Bucket-policy Denies are EG-BUCKET-004.
# custom:
#   id: EG-ROLE-003
#   severity: critical
#   prevents: NoSetRoletoECSServiceAcount
#   requires: [request, role, rolePolicies]
#   remediation: >-
#     Attach the system policy: aliyun ram AttachPolicyToRole --PolicyType System --PolicyName
#     AliyunECSImageExportRolePolicy --RoleName AliyunECSImageExportDefaultRole; or attach a custom
#     policy with {"Version":"1","Statement":[{"Effect":"Allow","Action":["oss:GetObject","oss:PutObject",
#     "oss:DeleteObject","oss:GetBucketLocation","oss:GetBucketInfo","oss:AbortMultipartUpload",
#     "oss:ListMultipartUploads","oss:ListParts"],"Resource":["acs:oss:*:*:my-export-bucket",
#     "acs:oss:*:*:my-export-bucket/*"]}]}, and remove any Deny statement the finding names.
package exportguard.role.permissions

import data.exportguard.lib.facts
import data.exportguard.lib.ram

entries := ram.statements(facts.attached_policies)

targets := ram.export_targets(data.exportguard.config.requiredOssActions, ram.export_context(input))

deny contains finding if {
	facts.role_exists
	some t in targets
	count(ram.allowed_by(entries, t.action, t.resource)) == 0
	finding := {
		"msg": sprintf("%s on %s is not allowed by any policy attached to role %s%s: ExportImage would fail with NoSetRoletoECSServiceAcount", [t.action, t.resource, facts.role_name, conditional_note(t)]),
		"resource": t.resource,
		"action": t.action,
	}
}

deny contains finding if {
	facts.role_exists
	some t in targets
	some r in ram.denied_by(entries, t.action, t.resource)
	finding := {
		"msg": sprintf("%s on %s is denied by %s attached to role %s: ExportImage would fail with NoSetRoletoECSServiceAcount", [t.action, t.resource, ram.describe(r), facts.role_name]),
		"resource": t.resource,
		"action": t.action,
		"policy": r.policy,
		"statement": r.statement,
	}
}

deny contains finding if {
	facts.role_exists
	not ram.export_context(input)
	finding := {
		"msg": ram.unnamed_resources_msg,
		"resource": facts.role_resource,
	}
}

conditional_note(t) := note if {
	refs := ram.conditionally_allowed_by(entries, t.action, t.resource)
	count(refs) > 0
	note := sprintf(" (%s allows it only under a Condition, which preflight cannot evaluate)", [concat(", ", {ram.describe(r) | some r in refs})])
} else := ""
