# METADATA
# scope: package
# title: Trust policy trusts nothing but the ECS service
# description: >-
#   The export role holds write access to the bucket; any other principal its trust policy lets
#   assume it (RAM users or roles, accounts, identity providers, other services) gets that access
#   too. A statement whose Effect is not exactly "Deny" is read as allowing. Principals that let
#   any account assume the role are EG-ROLE-006.
# custom:
#   id: EG-ROLE-004
#   severity: high
#   requires: [role.exists, role.trustPolicy]
#   remediation: >-
#     Trust only ECS: aliyun ram UpdateRole --RoleName <role> --NewAssumeRolePolicyDocument
#     '{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["ecs.aliyuncs.com"]}}],"Version":"1"}'
package exportguard.role.trust_scope

import data.exportguard.lib.facts
import data.exportguard.lib.fix
import data.exportguard.lib.ram

statements := ram.statements_of("trust policy", input.role.trustPolicy)

warn contains finding if {
	facts.role_exists
	some e in statements
	ram.maybe_allows(e)
	not ram.principal_unbounded(e.statement)
	some principal in ram.principal_entries(e.statement)
	not ecs_service(principal)
	not ram.admits_anyone(principal)
	finding := {
		"msg": sprintf("the trust policy of role %s also lets %s principal %v assume it (%s)", [facts.role_name, principal.kind, principal.value, ram.describe(ram.ref(e))]),
		"resource": facts.role_resource,
		"remediation": fix.update_trust,
	}
}

ecs_service(principal) if {
	principal.kind == "Service"
	principal.value == "ecs.aliyuncs.com"
}
