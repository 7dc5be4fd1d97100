# METADATA
# scope: package
# title: RegionId, ImageId and OSSBucket are given
# description: >-
#   ExportImage needs a region, an image and a target bucket; a request without one of them
#   fails with MissingParameter before anything else is looked at. A run that does not cover the
#   bucket (an account audit's image, whose bucket is out of scope) asks only for the other two.
# custom:
#   id: EG-REQ-001
#   severity: high
#   prevents: MissingParameter
#   requires: [request.regionId, request.imageId, request.ossBucket]
#   remediation: >-
#     Pass all three: aliyun ecs ExportImage --RegionId <region> --ImageId <image> --OSSBucket
#     <bucket> (exportguard preflight --region <region> --image <image> --bucket <bucket>).
package exportguard.req.required

import data.exportguard.lib.facts
import data.exportguard.lib.fix

# The request field and the ExportImage parameter it becomes.
parameters := {"regionId": "RegionId", "imageId": "ImageId", "ossBucket": "OSSBucket"}

# The fact area a request field names: a field whose area the run does not cover is not asked for.
area_of := {"regionId": "region", "imageId": "image", "ossBucket": "bucket"}

deny contains finding if {
	some field, parameter in parameters
	not given(field)
	not facts.out_of_scope(area_of[field])
	finding := {
		"msg": sprintf("%s is missing: ExportImage would fail with MissingParameter", [parameter]),
		"resource": parameter,
		"remediation": sprintf("Pass RegionId, ImageId and OSSBucket: %s (exportguard preflight --region %s --image %s --bucket %s)", [
			fix.export_command(facts.prefix, ""), fix.quote(fix.region), fix.quote(fix.image), fix.quote(fix.bucket),
		]),
	}
}

given(field) if {
	value := input.request[field]
	is_string(value)
	trim_space(value) != ""
}
