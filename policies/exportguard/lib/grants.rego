# METADATA
# scope: package
# title: What an identity may do
# description: >-
#   Who can export, read the other way round from the export checks: an audit lists the RAM users,
#   groups and roles that may do an action, so a statement counts as allowing whenever it may
#   (any Effect but "Deny", under any spelling, with or without a Condition, on a Resource that may
#   match) and as denying only when it certainly does (Effect exactly "Deny", the documented
#   spelling, no Condition, an Action and a Resource that cover every value). Failing closed here
#   means listing an identity that may not really be able to: never leaving out one that can.
#   A user's effective policies are its own and those of its groups (RAM "Policy evaluation
#   process"). Not a check: no custom.id.
package exportguard.lib.grants

import data.exportguard.lib.fix
import data.exportguard.lib.patterns
import data.exportguard.lib.ram

# entries: every statement that applies to the principal: its own policies, then each group's (named
# "group <g>: <policy>" in findings).
entries(principal) := array.concat(
	ram.statements(object.get(principal, "attachedPolicies", [])),
	[e |
		some group in object.get(principal, "groups", [])
		some e in ram.statements([{"name": sprintf("group %s: %s", [group.name, p.name]), "document": p.document} |
			some p in object.get(group, "attachedPolicies", [])
		])
	],
)

# may_allow: the statements that may allow the action on some value of one of the templates.
may_allow(statements, action, templates) := {ram.ref(e) |
	some e in statements
	ram.maybe_allows(e)
	ram.action_may_cover(e.statement, action)
	some template in templates
	ram.resource_may_cover(e.statement, template)
}

# certainly_denied: the statements that deny the action on every value of every template.
certainly_denied(statements, action, templates) := {ram.ref(e) |
	some e in statements
	e.documented
	ram.exact_only(e.statement, "Effect")
	e.statement.Effect == "Deny"
	not ram.has_condition(e.statement)
	ram.action_covers(e.statement, action)
	every template in templates {
		ram.resource_covers(e.statement, template)
	}
}

# may: the principal may do the action on some value of the templates, and nothing certainly denies it.
may(statements, action, templates) if {
	count(may_allow(statements, action, templates)) > 0
	count(certainly_denied(statements, action, templates)) == 0
}

# image_templates: any image of the account in any region (ecs:ExportImage's resource,
# acs:ecs:<region>:<account>:image/<imageId>).
image_templates(account) := [[
	"acs:ecs:", patterns.hole("region"), sprintf(":%s:image/", [account]), patterns.hole("object"),
]]

# ram_templates: a RAM identity's ARN, with the region field filled or left empty (both are written).
ram_templates(account, kind, name) := [
	["acs:ram:", patterns.hole("region"), sprintf(":%s:%s/%s", [account, kind, name])],
	[sprintf("acs:ram::%s:%s/%s", [account, kind, name])],
]

# listed: the principal is named by one of the patterns ("user/alice", "group/ops-*", "role/ci").
listed(principal, allowed) if {
	some pattern in allowed
	is_string(pattern)
	patterns.wildcard_match(pattern, sprintf("%s/%s", [principal.type, principal.name]))
}

# describe_refs renders statement refs for messages, sorted: policy "P" Statement[0], ...
describe_refs(refs) := concat(", ", sort([ram.describe(r) | some r in refs]))

# sources: where each policy named in the principal's statements is attached: {display name:
# {"attachedTo": [kind, name], "policy", "type"}} (kind user, group or role).
sources(principal) := object.union(
	{p.name: {"attachedTo": [principal.type, principal.name], "policy": p.name, "type": object.get(p, "type", "Custom")} |
		some p in object.get(principal, "attachedPolicies", [])
	},
	{sprintf("group %s: %s", [group.name, p.name]): {"attachedTo": ["group", group.name], "policy": p.name, "type": object.get(p, "type", "Custom")} |
		some group in object.get(principal, "groups", [])
		some p in object.get(group, "attachedPolicies", [])
	},
)

_detach_api := {"user": "DetachPolicyFromUser", "group": "DetachPolicyFromGroup", "role": "DetachPolicyFromRole"}

_name_flag := {"user": "--UserName", "group": "--GroupName", "role": "--RoleName"}

# detach_policies: the commands that detach the policies of these statements from where they are
# attached, or, failing that, a narrower policy for the action.
detach_policies(principal, refs, action) := sprintf("%s (or remove %s from those policies, or add a Deny of it)", [
	concat("; ", sort({cmd |
		some r in refs
		s := sources(principal)[r.policy]
		cmd := sprintf("aliyun ram %s --PolicyType %s --PolicyName %s %s %s", [
			_detach_api[s.attachedTo[0]], fix.quote(s.type), fix.quote(s.policy), _name_flag[s.attachedTo[0]], fix.quote(s.attachedTo[1]),
		])
	})),
	action,
])
