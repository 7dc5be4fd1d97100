# METADATA
# scope: package
# title: Export role cannot be assumed by anyone
# description: >-
#   A trust policy that lets any account assume the export role hands its write access to the bucket
#   to the whole of Alibaba Cloud: Principal "*" or [], a RAM or Federated principal with a wildcard
#   account (acs:ram::*:...), a Service of "*", or a statement without a Principal or with a
#   NotPrincipal (not documented). Any statement whose Effect is not exactly "Deny" is read as
#   allowing (fail closed); a Condition may narrow it but is not evaluated. This is a critical
#   failure, not a warning (RAM "Edit the trust policy of a RAM role": trusted entities are named
#   accounts, RAM users or roles, services and identity providers).
# custom:
#   id: EG-ROLE-006
#   severity: critical
#   requires: [role.exists, role.trustPolicy]
#   remediation: >-
#     Trust only ECS: aliyun ram UpdateRole --RoleName <role> --NewAssumeRolePolicyDocument
#     '{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["ecs.aliyuncs.com"]}}],"Version":"1"}'
package exportguard.role.anyone

import data.exportguard.lib.facts
import data.exportguard.lib.fix
import data.exportguard.lib.ram

statements := ram.statements_of("trust policy", input.role.trustPolicy)

deny contains finding if {
	facts.role_exists
	some e in statements
	ram.maybe_allows(e)
	ram.action_may_cover(e.statement, "sts:AssumeRole")
	some who in open_to(e.statement)
	finding := {
		"msg": sprintf("anyone can assume role %s: %s lets %s assume it%s", [facts.role_name, ram.describe(ram.ref(e)), who, condition_note(e.statement)]),
		"resource": facts.role_resource,
		"remediation": fix.update_trust,
	}
}

open_to(statement) := {"every principal (no Principal, or a NotPrincipal)"} if ram.principal_unbounded(statement)

else := {sprintf("%s principal %v", [p.kind, p.value]) |
	some p in ram.principal_entries(statement)
	ram.admits_anyone(p)
}

condition_note(statement) := " (under a Condition, which preflight does not evaluate)" if ram.has_condition(statement) else := ""
