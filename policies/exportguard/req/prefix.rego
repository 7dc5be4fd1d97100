# METADATA
# scope: package
# title: OSSPrefix, when given, is 1-30 letters or digits
# description: >-
#   The prefix of the exported objects' names may only hold 1 to 30 letters or digits; anything
#   else (slashes, dashes, an empty string) fails with InvalidOSSPrefix.Malformed. Leaving the
#   prefix out (null) is fine.
# custom:
#   id: EG-REQ-002
#   severity: high
#   prevents: InvalidOSSPrefix.Malformed
#   requires: [request.ossPrefix]
#   remediation: >-
#     Use a prefix of 1-30 letters and digits, or none: aliyun ecs ExportImage --RegionId <region>
#     --ImageId <image> --OSSBucket <bucket> --OSSPrefix <prefix>
package exportguard.req.prefix

import data.exportguard.lib.facts
import data.exportguard.lib.fix

deny contains finding if {
	prefix := input.request.ossPrefix
	prefix != null
	not well_formed(prefix)
	finding := {
		"msg": sprintf("OSSPrefix \"%v\" is not 1-30 letters or digits: ExportImage would fail with InvalidOSSPrefix.Malformed", [prefix]),
		"resource": "OSSPrefix",
		"remediation": sprintf("Use a prefix of 1-30 letters and digits, or none: %s", [fix.export_command(suggestion(prefix), "")]),
	}
}

# suggestion: the prefix with everything but letters and digits removed, cut to 30 (or no prefix).
suggestion(prefix) := substring(regex.replace(prefix, `[^A-Za-z0-9]`, ""), 0, 30) if is_string(prefix) else := ""

well_formed(prefix) if {
	is_string(prefix)
	regex.match(`^[A-Za-z0-9]{1,30}$`, prefix)
}
