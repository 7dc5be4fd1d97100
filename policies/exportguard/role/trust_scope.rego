# METADATA
# scope: package
# title: Trust policy trusts nothing but the ECS service
# description: >-
#   The export role holds write access to the bucket; anyone else its trust policy lets assume
#   it (RAM users or roles, accounts, identity providers, other services, "*") gets that access too.
# custom:
#   id: EG-ROLE-004
#   severity: high
#   requires: [role]
#   remediation: >-
#     Trust only ECS: aliyun ram UpdateRole --RoleName AliyunECSImageExportDefaultRole --NewAssumeRolePolicyDocument
#     '{"Version":"1","Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["ecs.aliyuncs.com"]}}]}'
package exportguard.role.trust_scope

import data.exportguard.lib.facts
import data.exportguard.lib.ram

statements := ram.statements_of("trust policy", input.role.trustPolicy)

warn contains finding if {
	facts.role_exists
	some e in statements
	e.statement.Effect == "Allow"
	some principal in ram.principal_entries(e.statement.Principal)
	not ecs_service(principal)
	finding := {
		"msg": sprintf("the trust policy of role %s also lets %s principal %v assume it (%s)", [facts.role_name, principal.kind, principal.value, ram.describe(ram.ref(e))]),
		"resource": facts.role_resource,
	}
}

warn contains finding if {
	facts.role_exists
	some e in statements
	e.statement.Effect == "Allow"
	not e.statement.Principal
	finding := {
		"msg": sprintf("the trust policy of role %s has an Allow without a Principal (%s)", [facts.role_name, ram.describe(ram.ref(e))]),
		"resource": facts.role_resource,
	}
}

ecs_service(principal) if {
	principal.kind == "Service"
	lower(principal.value) == "ecs.aliyuncs.com"
}
