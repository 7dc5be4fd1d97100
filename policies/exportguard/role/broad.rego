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
#   requires: [role.exists, rolePolicies]
#   remediation: >-
#     Replace broad policies with the system policy: aliyun ram DetachPolicyFromRole --PolicyType
#     Custom --PolicyName <broad-policy> --RoleName <role> && aliyun ram AttachPolicyToRole
#     --PolicyType System --PolicyName AliyunECSImageExportRolePolicy --RoleName <role>
package exportguard.role.broad

import data.exportguard.lib.facts
import data.exportguard.lib.fix
import data.exportguard.lib.ram

allows := [e | some e in ram.statements(facts.attached_policies); ram.maybe_allows(e)]

# actions: every Action value of the statement, under any spelling.
actions(e) := [a | some v in ram.element_values(e.statement, "Action"); some a in ram.as_list(v); is_string(a)]

resources(e) := [r | some v in ram.element_values(e.statement, "Resource"); some r in ram.as_list(v)]

reasons contains [e, reason] if {
	some e in allows
	ram.has_element(e.statement, "NotAction")
	reason := "grants every action except those in NotAction"
}

reasons contains [e, reason] if {
	some e in allows
	"*" in actions(e)
	reason := "grants every action (*)"
}

reasons contains [e, reason] if {
	some e in allows
	some action in actions(e)
	parts := split(action, ":")
	count(parts) == 2
	not lower(parts[0]) in data.exportguard.config.roleExpectedServices
	reason := sprintf("grants %s, an action of a service the export does not use", [action])
}

reasons contains [e, reason] if {
	some e in allows
	some action in actions(e)
	lower(action) == "oss:*"
	"*" in resources(e)
	reason := "grants every OSS action on every bucket (oss:* on *)"
}

policy_type(name) := sort(types)[0] if {
	types := [t | some p in facts.attached_policies; p.name == name; t := p.type; is_string(t)]
	count(types) > 0
} else := "Custom"

warn contains finding if {
	facts.role_exists
	some [e, reason] in reasons
	finding := {
		"msg": sprintf("%s attached to role %s %s", [ram.describe(ram.ref(e)), facts.role_name, reason]),
		"resource": facts.role_resource,
		"policy": e.policy,
		"statement": e.index,
		"remediation": sprintf("Replace it with the system policy: aliyun ram DetachPolicyFromRole --PolicyType %s --PolicyName %s --RoleName %s && %s", [
			fix.quote(policy_type(e.policy)), fix.quote(e.policy), fix.quote(facts.role_name), fix.attach_system_policy,
		]),
	}
}
