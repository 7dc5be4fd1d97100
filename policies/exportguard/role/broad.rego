# METADATA
# scope: package
# title: Attached policies grant far more than the export needs
# description: >-
#   The export needs eight OSS actions on one bucket (and KMS for KMS-encrypted buckets). Allow
#   statements that grant every action ("*" or NotAction), actions of other services (data
#   roleExpectedServices), or every OSS action on every bucket make the role a target worth
#   stealing.
# custom:
#   id: EG-ROLE-005
#   severity: medium
#   requires: [role, rolePolicies]
#   remediation: >-
#     Replace broad policies with the system policy: aliyun ram DetachPolicyFromRole --PolicyType Custom
#     --PolicyName <broad-policy> --RoleName AliyunECSImageExportDefaultRole && aliyun ram AttachPolicyToRole
#     --PolicyType System --PolicyName AliyunECSImageExportRolePolicy --RoleName AliyunECSImageExportDefaultRole
package exportguard.role.broad

import data.exportguard.lib.facts
import data.exportguard.lib.ram

allows := [e | some e in ram.statements(facts.attached_policies); e.statement.Effect == "Allow"]

reasons contains [e, reason] if {
	some e in allows
	e.statement.NotAction
	reason := "grants every action except those in NotAction"
}

reasons contains [e, reason] if {
	some e in allows
	"*" in ram.as_list(e.statement.Action)
	reason := "grants every action (*)"
}

reasons contains [e, reason] if {
	some e in allows
	some action in ram.as_list(e.statement.Action)
	parts := split(action, ":")
	count(parts) == 2
	not lower(parts[0]) in data.exportguard.config.roleExpectedServices
	reason := sprintf("grants %s, an action of a service the export does not use", [action])
}

reasons contains [e, reason] if {
	some e in allows
	some action in ram.as_list(e.statement.Action)
	lower(action) == "oss:*"
	"*" in ram.as_list(e.statement.Resource)
	reason := "grants every OSS action on every bucket (oss:* on *)"
}

warn contains finding if {
	facts.role_exists
	some [e, reason] in reasons
	finding := {
		"msg": sprintf("%s attached to role %s %s", [ram.describe(ram.ref(e)), facts.role_name, reason]),
		"resource": facts.role_resource,
		"policy": e.policy,
		"statement": e.index,
	}
}
