# METADATA
# scope: package
# title: Image exists in the region
# description: >-
#   DescribeImages (Status=ALL) in the request's region must return the image; otherwise
#   ExportImage fails with InvalidImageId.NotFound.
# custom:
#   id: EG-IMAGE-001
#   severity: high
#   prevents: InvalidImageId.NotFound
#   requires: [image.exists]
#   remediation: >-
#     Find the image id in the region you export from: aliyun ecs DescribeImages --RegionId <region>
#     --ImageOwnerAlias self --Status ALL --output cols=ImageId,ImageName,Status rows=Images.Image[]
package exportguard.image.exists

import data.exportguard.lib.facts
import data.exportguard.lib.fix

deny contains finding if {
	input.image.exists == false
	finding := {
		"msg": sprintf("image %s does not exist in region %s: ExportImage would fail with InvalidImageId.NotFound", [facts.image_id, facts.region_id]),
		"resource": facts.image_id,
		"remediation": sprintf("Find the image id in %s and rerun with it: aliyun ecs DescribeImages --RegionId %s --ImageOwnerAlias self --Status ALL --output cols=ImageId,ImageName,Status rows=Images.Image[]", [fix.region, fix.quote(fix.region)]),
	}
}

deny contains finding if {
	facts.unknown_existence("image")
	finding := {
		"msg": sprintf("whether image %s exists is unknown: the facts have no image.exists", [facts.image_id]),
		"resource": facts.image_id,
		"remediation": sprintf("Find the image id in %s and rerun with it: aliyun ecs DescribeImages --RegionId %s --ImageOwnerAlias self --Status ALL --output cols=ImageId,ImageName,Status rows=Images.Image[]", [fix.region, fix.quote(fix.region)]),
	}
}
