# METADATA
# scope: package
# title: Export role trusts the ECS service
# description: >-
#   The role's trust policy must let ECS assume it in the one documented form (ExportImage API
#   reference; RAM "Edit the trust policy of a RAM role"): a statement with Effect "Allow", an Action
#   covering sts:AssumeRole, Principal {"Service": ["ecs.aliyuncs.com"]} spelled exactly, no
#   Condition, in a "Version": "1" document. "*", a Principal list, or a wildcard service such as
#   "*.aliyuncs.com" does not count. No statement that may deny (any Effect but "Allow") may take it
#   away: one whose principal may be ECS ("*", a service pattern matching ecs.aliyuncs.com, no
#   Principal, a NotPrincipal). Otherwise ExportImage fails with NoSetRoletoECSServiceAcount.
# custom:
#   id: EG-ROLE-002
#   severity: critical
#   prevents: NoSetRoletoECSServiceAcount
#   requires: [role.exists, role.trustPolicy]
#   remediation: >-
#     Trust only ECS: aliyun ram UpdateRole --RoleName <role> --NewAssumeRolePolicyDocument
#     '{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["ecs.aliyuncs.com"]}}],"Version":"1"}'
package exportguard.role.trust

import data.exportguard.lib.facts
import data.exportguard.lib.fix
import data.exportguard.lib.patterns
import data.exportguard.lib.ram

service := "ecs.aliyuncs.com"

statements := ram.statements_of("trust policy", input.role.trustPolicy)

trusting contains ram.ref(e) if {
	some e in statements
	ram.grants(e)
	ram.action_covers(e.statement, "sts:AssumeRole")
	some p in ram.documented_principal_entries(e.statement)
	p.kind == "Service"
	p.value == service
}

denying contains ram.ref(e) if {
	some e in statements
	ram.may_deny(e)
	ram.action_may_cover(e.statement, "sts:AssumeRole")
	may_cover_ecs(e.statement)
}

may_cover_ecs(statement) if ram.principal_unbounded(statement)

may_cover_ecs(statement) if {
	some p in ram.principal_entries(statement)
	not is_string(object.get(p, "value", null))
}

may_cover_ecs(statement) if {
	some p in ram.principal_entries(statement)
	is_string(p.value)
	patterns.wildcard_match(lower(p.value), service)
}

deny contains finding if {
	facts.role_exists
	count(trusting) == 0
	finding := {
		"msg": sprintf("the trust policy of role %s does not let %s assume it in the documented form (an unconditional Allow of sts:AssumeRole for Principal {\"Service\": [\"%s\"]}; \"*\" and wildcard services do not count): ExportImage would fail with NoSetRoletoECSServiceAcount", [facts.role_name, service, service]),
		"resource": facts.role_resource,
		"remediation": fix.update_trust,
	}
}

deny contains finding if {
	facts.role_exists
	some r in denying
	finding := {
		"msg": sprintf("the trust policy of role %s may deny %s sts:AssumeRole in %s: ExportImage would fail with NoSetRoletoECSServiceAcount", [facts.role_name, service, ram.describe(r)]),
		"resource": facts.role_resource,
		"remediation": fix.update_trust,
	}
}
