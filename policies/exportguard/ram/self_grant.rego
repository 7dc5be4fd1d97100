# METADATA
# scope: package
# title: No identity can grant itself the export role's permissions
# description: >-
#   An identity that may attach policies to itself (ram:AttachPolicyToUser on its own user,
#   ram:AttachPolicyToGroup on a group it is in, ram:AttachPolicyToRole on its own role) can give
#   itself the export role's policy, and so read the exported images, or any other permission,
#   ecs:ExportImage included. Advisory until allowedExporters is set; then anyone outside it who
#   can is a failure. A statement counts as allowing whenever it may (lib.grants).
# custom:
#   id: EG-RAM-002
#   severity: high
#   requires: [principal]
#   remediation: >-
#     Take ram:AttachPolicyTo* away from the identity (aliyun ram DetachPolicyFromUser --PolicyType
#     <type> --PolicyName <policy> --UserName <user>), or scope its Resource to other identities.
package exportguard.ram.self_grant

import data.exportguard.lib.grants

principal := input.principal

statements := grants.entries(principal)

allowed := data.exportguard.config.allowedExporters

# The identities the principal may attach policies to and count as itself: [action, kind, name].
targets contains ["ram:AttachPolicyToUser", "user", principal.name] if principal.type == "user"

targets contains ["ram:AttachPolicyToGroup", "group", g.name] if {
	principal.type == "user"
	some g in principal.groups
}

targets contains ["ram:AttachPolicyToGroup", "group", principal.name] if principal.type == "group"

targets contains ["ram:AttachPolicyToRole", "role", principal.name] if principal.type == "role"

grants_itself contains [action, kind, name, refs] if {
	some [action, kind, name] in targets
	templates := grants.ram_templates(principal.accountId, kind, name)
	grants.may(statements, action, templates)
	refs := grants.may_allow(statements, action, templates)
}

export_policies := concat(", ", [p.name | some p in input.role.attachedPolicies]) if {
	count(input.role.attachedPolicies) > 0
} else := "the export role's policies"

findings contains f if {
	some [action, kind, name, refs] in grants_itself
	f := {
		"msg": sprintf("%s %s may attach policies to %s %s (%s, by %s): it could give itself %s, or ecs:ExportImage", [
			principal.type, principal.name, kind, name, action, grants.describe_refs(refs), export_policies,
		]),
		"resource": principal.arn,
		"action": action,
		"remediation": grants.detach_policies(principal, refs, action),
	}
}

warn contains finding if {
	some finding in findings
	not is_array(allowed)
}

deny contains finding if {
	some finding in findings
	is_array(allowed)
	not grants.listed(principal, allowed)
}
