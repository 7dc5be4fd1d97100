# METADATA
# scope: package
# title: Export role exists
# description: >-
#   ExportImage runs as the RAM role AliyunECSImageExportDefaultRole (or the request's RoleName);
#   without it the export fails with NoSetRoletoECSServiceAcount.
# custom:
#   id: EG-ROLE-001
#   severity: critical
#   prevents: NoSetRoletoECSServiceAcount
#   requires: [role.exists]
#   remediation: >-
#     Create the role and attach the export policy: aliyun ram CreateRole --RoleName <role>
#     --AssumeRolePolicyDocument
#     '{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["ecs.aliyuncs.com"]}}],"Version":"1"}'
#     && aliyun ram AttachPolicyToRole --PolicyType System --PolicyName
#     AliyunECSImageExportRolePolicy --RoleName <role>
package exportguard.role.exists

import data.exportguard.lib.facts
import data.exportguard.lib.fix

deny contains finding if {
	input.role.exists == false
	finding := {
		"msg": sprintf("RAM role %s does not exist: ExportImage would fail with NoSetRoletoECSServiceAcount", [facts.role_name]),
		"resource": facts.role_name,
		"remediation": sprintf("Create the role and attach the export policy: aliyun ram CreateRole --RoleName %s --AssumeRolePolicyDocument %s && %s", [fix.quote(facts.role_name), fix.quote(fix.trust_document), fix.attach_system_policy]),
	}
}

deny contains finding if {
	facts.unknown_existence("role")
	finding := {
		"msg": sprintf("whether RAM role %s exists is unknown: the facts have no role.exists", [facts.role_name]),
		"resource": facts.role_name,
		"remediation": sprintf("Create the role and attach the export policy: aliyun ram CreateRole --RoleName %s --AssumeRolePolicyDocument %s && %s", [fix.quote(facts.role_name), fix.quote(fix.trust_document), fix.attach_system_policy]),
	}
}
