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
#   requires: [request]
#   remediation: >-
#     Use a prefix of letters and digits only, or none: aliyun ecs ExportImage --RegionId cn-hangzhou
#     --ImageId m-xxxx --OSSBucket my-export-bucket --OSSPrefix webbase2024
package exportguard.req.prefix

deny contains finding if {
	prefix := input.request.ossPrefix
	prefix != null
	not well_formed(prefix)
	finding := {
		"msg": sprintf("OSSPrefix \"%v\" is not 1-30 letters or digits: ExportImage would fail with InvalidOSSPrefix.Malformed", [prefix]),
		"resource": "OSSPrefix",
	}
}

well_formed(prefix) if {
	is_string(prefix)
	regex.match(`^[A-Za-z0-9]{1,30}$`, prefix)
}
