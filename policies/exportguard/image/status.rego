# METADATA
# scope: package
# title: Image status is Available
# description: >-
#   An image that is still being created, is waiting, unavailable, failed or deprecated cannot be
#   exported: ExportImage answers IncorrectImageStatus.
# custom:
#   id: EG-IMAGE-003
#   severity: high
#   prevents: IncorrectImageStatus
#   requires: [image.exists, image.status]
#   remediation: >-
#     Wait until the image is Available and run preflight again; watch it with: aliyun ecs
#     DescribeImages --RegionId <region> --ImageId <image> --Status ALL --output
#     cols=ImageId,Status,Progress rows=Images.Image[]
package exportguard.image.status

import data.exportguard.lib.facts
import data.exportguard.lib.fix

deny contains finding if {
	facts.image_exists
	not input.image.status == "Available"
	finding := {
		"msg": sprintf("image %s has status \"%v\", not Available: ExportImage would fail with IncorrectImageStatus", [facts.image_id, object.get(input.image, "status", "unknown")]),
		"resource": facts.image_id,
		"remediation": sprintf("Wait until %s is Available and run preflight again; watch it with: %s", [facts.image_id, fix.describe_image("ImageId,Status,Progress")]),
	}
}
