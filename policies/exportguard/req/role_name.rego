# METADATA
# scope: package
# title: Role name is AliyunECSImageExportDefaultRole
# description: >-
#   The ExportImage documentation (Chinese edition) says a RoleName other than
#   AliyunECSImageExportDefaultRole is not honoured; another name may silently fall back to the
#   default role or fail. Advisory until the behaviour is confirmed.
# custom:
#   id: EG-REQ-005
#   severity: medium
#   requires: [request.roleName]
#   remediation: >-
#     Use the default role: aliyun ecs ExportImage --RegionId <region> --ImageId <image> --OSSBucket
#     <bucket> --RoleName AliyunECSImageExportDefaultRole
package exportguard.req.role_name

import data.exportguard.lib.facts
import data.exportguard.lib.fix

warn contains finding if {
	name := input.request.roleName
	is_string(name)
	name != data.exportguard.config.expectedRoleName
	finding := {
		"msg": sprintf("RoleName \"%s\" is not %s; the documentation says other role names are not honoured", [name, data.exportguard.config.expectedRoleName]),
		"resource": name,
		"remediation": sprintf("Use the documented role: %s", [fix.export_command(facts.prefix, sprintf("--RoleName %s", [fix.quote(data.exportguard.config.expectedRoleName)]))]),
	}
}
