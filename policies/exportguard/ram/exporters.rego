# METADATA
# scope: package
# title: Who can export images
# description: >-
#   Exporting a disk image copies everything on it out of ECS, so the identities whose effective
#   permissions may allow ecs:ExportImage on the account's images (own policies and, for a user, its
#   groups') are listed, each with the statements that grant it. Advisory until allowedExporters
#   names who may export ("user/<name>", "group/<name>", "role/<name>", '*' wildcards): then anyone
#   else who can is a failure. A statement counts as allowing whenever it may, and as denying only
#   when it certainly does (lib.grants).
# custom:
#   id: EG-RAM-001
#   severity: high
#   requires: [principal]
#   remediation: >-
#     Detach the policy that grants ecs:ExportImage (aliyun ram DetachPolicyFromUser --PolicyType
#     <type> --PolicyName <policy> --UserName <user>; FromGroup / FromRole for groups and roles), or
#     narrow it; if the identity is meant to export, name it in allowedExporters (--data).
package exportguard.ram.exporters

import data.exportguard.lib.grants

principal := input.principal

statements := grants.entries(principal)

templates := grants.image_templates(principal.accountId)

allowed := data.exportguard.config.allowedExporters

exports if grants.may(statements, "ecs:ExportImage", templates)

finding := {
	"msg": sprintf("%s %s may export images (ecs:ExportImage on acs:ecs:*:%s:image/*): %s%s", [
		principal.type, principal.name, principal.accountId,
		grants.describe_refs(grants.may_allow(statements, "ecs:ExportImage", templates)), not_listed_note,
	]),
	"resource": principal.arn,
	"remediation": grants.detach_policies(principal, grants.may_allow(statements, "ecs:ExportImage", templates), "ecs:ExportImage"),
}

not_listed_note := " and is not in allowedExporters" if is_array(allowed) else := ""

warn contains finding if {
	exports
	not is_array(allowed)
}

deny contains finding if {
	exports
	is_array(allowed)
	not grants.listed(principal, allowed)
}
