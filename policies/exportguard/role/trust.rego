# METADATA
# scope: package
# title: Export role trusts the ECS service
# description: >-
#   The role's trust policy must let ecs.aliyuncs.com assume it (an Allow of sts:AssumeRole for
#   the Service principal, without a Condition), and no Deny may take that away; otherwise ECS
#   cannot act as the role and the export fails with NoSetRoletoECSServiceAcount.
# custom:
#   id: EG-ROLE-002
#   severity: critical
#   prevents: NoSetRoletoECSServiceAcount
#   requires: [role]
#   remediation: >-
#     aliyun ram UpdateRole --RoleName AliyunECSImageExportDefaultRole --NewAssumeRolePolicyDocument
#     '{"Version":"1","Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["ecs.aliyuncs.com"]}}]}'
package exportguard.role.trust

import data.exportguard.lib.facts
import data.exportguard.lib.ram

service := "ecs.aliyuncs.com"

statements := ram.statements_of("trust policy", input.role.trustPolicy)

trusting contains ram.ref(e) if {
	some e in statements
	e.statement.Effect == "Allow"
	not ram.has_condition(e.statement)
	ram.action_matches(e.statement, "sts:AssumeRole")
	ram.principal_matches_service(e.statement.Principal, service)
}

denying contains ram.ref(e) if {
	some e in statements
	e.statement.Effect == "Deny"
	ram.action_matches(e.statement, "sts:AssumeRole")
	deny_covers_ecs(e.statement)
}

deny_covers_ecs(statement) if ram.principal_matches_service(statement.Principal, service)

deny_covers_ecs(statement) if not statement.Principal

deny contains finding if {
	facts.role_exists
	count(trusting) == 0
	finding := {
		"msg": sprintf("the trust policy of role %s does not let %s assume it (no unconditional Allow of sts:AssumeRole for that service): ExportImage would fail with NoSetRoletoECSServiceAcount", [facts.role_name, service]),
		"resource": facts.role_resource,
	}
}

deny contains finding if {
	facts.role_exists
	some r in denying
	finding := {
		"msg": sprintf("the trust policy of role %s denies %s sts:AssumeRole in %s: ExportImage would fail with NoSetRoletoECSServiceAcount", [facts.role_name, service, ram.describe(r)]),
		"resource": facts.role_resource,
	}
}
