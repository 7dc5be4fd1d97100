# METADATA
# scope: package
# title: Image is a custom image of this account
# description: >-
#   Only custom images the caller owns (ImageOwnerAlias self) can be exported. Public (system),
#   shared (others) and Marketplace images are "not under this account" and fail with
#   InvalidImageId.NotFound.
# custom:
#   id: EG-IMAGE-002
#   severity: high
#   prevents: InvalidImageId.NotFound
#   requires: [image.exists, image.ownerAlias]
#   remediation: >-
#     Make a custom image of your own from an instance running the image, then export that: aliyun
#     ecs CreateImage --RegionId <region> --InstanceId <instance-id> --ImageName <name>-own
package exportguard.image.owner

import data.exportguard.lib.facts
import data.exportguard.lib.fix

deny contains finding if {
	facts.image_exists
	not input.image.ownerAlias == "self"
	finding := {
		"msg": sprintf("image %s is owned by \"%v\", not by this account (self): ExportImage would fail with InvalidImageId.NotFound", [facts.image_id, owner]),
		"resource": facts.image_id,
		"remediation": sprintf("Make a custom image of your own from an instance running %s, then export that: %s", [facts.image_id, fix.create_image_from_instance("own")]),
	}
}

owner := o if {
	o := input.image.ownerAlias
	o != null
} else := "unknown"
