# METADATA
# scope: package
# title: The role may do the eight OSS actions on the bucket
# description: >-
#   ECS writes the export as a session of the role, so for each of the eight OSS actions (data
#   requiredOssActions) some statement must certainly allow it on the bucket ARN (bucket actions)
#   or on every object the export may write (object actions: every name under the prefix, since
#   object names are not documented), and no Deny in the attached policies may match. An Allow
#   counts only with the documented spelling (Version "1", Effect "Allow", Action/NotAction,
#   Resource), no Condition, and a Resource covering every region string (only '*' is documented
#   for the region field). Allows in the bucket policy count too, as OSS evaluates RAM and bucket
#   policies together (OSS "Bucket Policy", "RAM Policy"), but only those whose Principal is "*"
#   (or []) or an arn:sts pattern covering every session of the role in this account. A Deny counts
#   when it may match (any Effect but "Allow", any spelling, with or without a Condition, any region
#   form). Bucket-policy Denies are EG-BUCKET-004. Rules and sources: policies/README.md.
# custom:
#   id: EG-ROLE-003
#   severity: critical
#   prevents: NoSetRoletoECSServiceAcount
#   requires: [request.ossBucket, request.ossPrefix, role, rolePolicies, bucketPolicy]
#   remediation: >-
#     Attach the system policy: aliyun ram AttachPolicyToRole --PolicyType System --PolicyName
#     AliyunECSImageExportRolePolicy --RoleName <role>; or a custom policy allowing the eight
#     actions on acs:oss:*:*:<bucket> and acs:oss:*:*:<bucket>/<prefix>*; and remove or narrow any
#     Deny statement the finding names.
package exportguard.role.permissions

import data.exportguard.lib.export
import data.exportguard.lib.facts
import data.exportguard.lib.fix
import data.exportguard.lib.ram

entries := ram.statements(facts.attached_policies)

# null (no bucket policy) gives no statements.
bucket_entries := ram.statements_of("bucket policy", input.bucket.policy)

ctx := export.context(input)

targets := export.targets(data.exportguard.config.requiredOssActions, ctx)

# bucket_grants: bucket-policy statements that certainly grant the action to the role's sessions.
bucket_grants(t) := {ram.ref(e) |
	some e in bucket_entries
	ram.grants(e)
	some p in ram.documented_principal_entries(e.statement)
	p.kind == "Any"
	export.certainly_role(p.value, ctx)
	ram.action_covers(e.statement, t.action)
	ram.resource_covers(e.statement, t.template)
}

deny contains finding if {
	facts.role_exists
	some t in targets
	count(ram.allowed_by(entries, t.action, t.template)) == 0
	count(bucket_grants(t)) == 0
	finding := {
		"msg": sprintf("%s on %s is not certainly allowed for role %s%s: ExportImage would fail with NoSetRoletoECSServiceAcount", [t.action, t.resource, facts.role_name, not_counted_note(t)]),
		"resource": t.resource,
		"action": t.action,
		"remediation": sprintf("%s (or attach a custom policy: aliyun ram CreatePolicy --PolicyName ExportImageToOss --PolicyDocument %s && aliyun ram AttachPolicyToRole --PolicyType Custom --PolicyName ExportImageToOss --RoleName %s)", [
			fix.attach_system_policy, fix.quote(fix.export_policy_document(data.exportguard.config.requiredOssActions)), fix.quote(facts.role_name),
		]),
	}
}

deny contains finding if {
	facts.role_exists
	some t in targets
	some r in ram.denied_by(entries, t.action, t.template)
	policy := [p | some p in facts.attached_policies; p.name == r.policy][0]
	finding := {
		"msg": sprintf("%s on %s may be denied by %s attached to role %s: ExportImage would fail with NoSetRoletoECSServiceAcount", [t.action, t.resource, ram.describe(r), facts.role_name]),
		"resource": t.resource,
		"action": t.action,
		"policy": r.policy,
		"statement": r.statement,
		"remediation": remove_deny(policy, r),
	}
}

deny contains finding if {
	facts.role_exists
	not ctx
	finding := {
		"msg": export.unnamed_resources_msg,
		"resource": facts.role_resource,
		"remediation": export.unnamed_resources_fix,
	}
}

# A custom policy gets a new default version without the statement; a system one is detached.
remove_deny(policy, r) := sprintf("Remove Statement[%d] from %s and make that the default version: aliyun ram CreatePolicyVersion --PolicyName %s --SetAsDefault true --PolicyDocument %s", [
	r.statement, fix.quote(r.policy), fix.quote(r.policy), fix.quote(sprintf("file://%s.json", [r.policy])),
]) if object.get(policy, "type", "Custom") != "System"

else := sprintf("Detach it: aliyun ram DetachPolicyFromRole --PolicyType System --PolicyName %s --RoleName %s", [
	fix.quote(r.policy), fix.quote(facts.role_name),
])

# not_counted_note names the statements that look like grants but do not count, and why.
not_counted_note(t) := sprintf(" (%s)", [concat("; ", notes)]) if {
	notes := not_counted(t)
	count(notes) > 0
} else := ""

not_counted(t) := ((attached | in_bucket_policy) | bucket_principal) if {
	attached := {sprintf("%s is not counted: %s", [ram.describe(r), why]) |
		some [r, why] in ram.not_counted_by(entries, t.action, t.template)
	}
	in_bucket_policy := {sprintf("bucket policy Statement[%d] is not counted: %s", [e.index, why]) |
		some e in bucket_entries
		some [_, why] in ram.not_counted_by([e], t.action, t.template)
	}
	bucket_principal := {sprintf("bucket policy Statement[%d] is not counted: %s", [e.index, principal_why]) |
		some e in bucket_entries
		ram.grants(e)
		ram.action_covers(e.statement, t.action)
		ram.resource_covers(e.statement, t.template)
		not ram.ref(e) in bucket_grants(t)
	}
}

principal_why := sprintf("its Principal does not certainly include every session of role %s in account %s (documented forms: \"*\", or arn:sts::%s:assumed-role/%s/*)", [
	facts.role_name, ctx.accountId, ctx.accountId, facts.role_name,
])
