# METADATA
# scope: package
# title: No Marketplace lineage
# description: >-
#   Marketplace images, and custom images made from a system-disk snapshot of an instance that
#   was launched from one, cannot be exported (ImageNotSupported). The signal is a product code on
#   the image or on any of its snapshots. A disk whose snapshot could not be read is reported too:
#   its lineage cannot be ruled out.
# custom:
#   id: EG-IMAGE-004
#   severity: high
#   prevents: ImageNotSupported
#   requires: [image.exists, image.productCode, image.ownerAlias, image.disks, snapshots]
#   remediation: >-
#     Marketplace software cannot leave Alibaba Cloud this way; build the image from a public or
#     your own base image instead: aliyun ecs CreateImage --RegionId <region> --InstanceId
#     <instance-id> --ImageName <name>-clean (with the instance launched from a non-Marketplace
#     image).
package exportguard.image.marketplace

import data.exportguard.lib.facts
import data.exportguard.lib.fix

deny contains finding if {
	facts.image_exists
	code := input.image.productCode
	is_string(code)
	code != ""
	finding := {
		"msg": sprintf("image %s carries Marketplace product code %s: ExportImage would fail with ImageNotSupported", [facts.image_id, code]),
		"resource": facts.image_id,
		"remediation": sprintf("Marketplace software cannot leave Alibaba Cloud this way; build the image from a public or your own base image instead: %s (with the instance launched from a non-Marketplace image)", [fix.create_image_from_instance("clean")]),
	}
}

deny contains finding if {
	facts.image_exists
	input.image.ownerAlias == "marketplace"
	finding := {
		"msg": sprintf("image %s is a Marketplace image: ExportImage would fail with ImageNotSupported", [facts.image_id]),
		"resource": facts.image_id,
		"remediation": sprintf("Marketplace software cannot leave Alibaba Cloud this way; build the image from a public or your own base image instead: %s (with the instance launched from a non-Marketplace image)", [fix.create_image_from_instance("clean")]),
	}
}

deny contains finding if {
	facts.image_exists
	some disk in input.image.disks
	code := disk.snapshot.productCode
	is_string(code)
	code != ""
	finding := {
		"msg": sprintf("snapshot %v of disk %v carries Marketplace product code %s: ExportImage would fail with ImageNotSupported", [facts.snapshot_id(disk), facts.device(disk), code]),
		"resource": facts.snapshot_id(disk),
		"remediation": sprintf("Marketplace software cannot leave Alibaba Cloud this way; build the image from a public or your own base image instead: %s (with the instance launched from a non-Marketplace image)", [fix.create_image_from_instance("clean")]),
	}
}

deny contains finding if {
	facts.image_exists
	some disk in input.image.disks
	not snapshot_known(disk)
	finding := {
		"msg": sprintf("snapshot %v of disk %v could not be read: its Marketplace lineage cannot be ruled out", [facts.snapshot_id(disk), facts.device(disk)]),
		"resource": facts.snapshot_id(disk),
		"remediation": sprintf("Marketplace software cannot leave Alibaba Cloud this way; build the image from a public or your own base image instead: %s (with the instance launched from a non-Marketplace image)", [fix.create_image_from_instance("clean")]),
	}
}

deny contains finding if {
	facts.image_exists
	not is_array(object.get(input.image, "disks", null))
	finding := {
		"msg": sprintf("the disks of image %s are unknown: its lineage cannot be checked", [facts.image_id]),
		"resource": facts.image_id,
		"remediation": sprintf("Check the image's disks: %s", [fix.describe_image("ImageId,DiskDeviceMappings")]),
	}
}

snapshot_known(disk) if {
	is_object(disk.snapshot)
	not disk.snapshot.exists == false
}
