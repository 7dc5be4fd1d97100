# METADATA
# scope: package
# title: RegionId, ImageId and OSSBucket are given
# description: >-
#   ExportImage needs a region, an image and a target bucket; a request without one of them
#   fails with MissingParameter before anything else is looked at.
# custom:
#   id: EG-REQ-001
#   severity: high
#   prevents: MissingParameter
#   requires: [request]
#   remediation: >-
#     Pass all three: aliyun ecs ExportImage --RegionId cn-hangzhou --ImageId m-xxxx --OSSBucket my-export-bucket
#     (exportguard preflight --region cn-hangzhou --image m-xxxx --bucket my-export-bucket).
package exportguard.req.required

# The request field and the ExportImage parameter it becomes.
parameters := {"regionId": "RegionId", "imageId": "ImageId", "ossBucket": "OSSBucket"}

deny contains finding if {
	some field, parameter in parameters
	not given(field)
	finding := {
		"msg": sprintf("%s is missing: ExportImage would fail with MissingParameter", [parameter]),
		"resource": parameter,
	}
}

given(field) if {
	value := input.request[field]
	is_string(value)
	trim_space(value) != ""
}
