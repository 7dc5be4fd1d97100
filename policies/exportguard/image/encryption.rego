# METADATA
# scope: package
# title: No encrypted snapshot
# description: >-
#   Images that contain an encrypted snapshot cannot be exported (ImageNotSupported). A disk
#   whose snapshot's encryption is unknown is reported too: when in doubt, fail closed.
# custom:
#   id: EG-IMAGE-005
#   severity: high
#   prevents: ImageNotSupported
#   requires: [image.exists, image.disks, snapshots]
#   remediation: >-
#     Encrypted disks cannot be exported; copy the data to an unencrypted disk on an instance, make
#     an image from that instance and export it: aliyun ecs CreateImage --RegionId <region>
#     --InstanceId <instance-id> --ImageName <name>-plain
package exportguard.image.encryption

import data.exportguard.lib.facts
import data.exportguard.lib.fix

deny contains finding if {
	facts.image_exists
	some disk in input.image.disks
	disk.snapshot.encrypted == true
	finding := {
		"msg": sprintf("snapshot %v of disk %v is encrypted (KMS key %v): ExportImage would fail with ImageNotSupported", [facts.snapshot_id(disk), facts.device(disk), object.get(disk.snapshot, "kmsKeyId", null)]),
		"resource": facts.snapshot_id(disk),
		"remediation": sprintf("Encrypted disks cannot be exported: copy the data of %v to an unencrypted disk on an instance, make an image from that instance and export it: %s", [facts.device(disk), fix.create_image_from_instance("plain")]),
	}
}

deny contains finding if {
	facts.image_exists
	some disk in input.image.disks
	not is_boolean(object.get(disk, ["snapshot", "encrypted"], null))
	finding := {
		"msg": sprintf("whether snapshot %v of disk %v is encrypted is unknown (snapshot facts missing)", [facts.snapshot_id(disk), facts.device(disk)]),
		"resource": facts.snapshot_id(disk),
		"remediation": sprintf("Check the snapshot: aliyun ecs DescribeSnapshots --RegionId %s --SnapshotIds %s", [fix.quote(fix.region), fix.quote(sprintf("[\"%v\"]", [facts.snapshot_id(disk)]))]),
	}
}

deny contains finding if {
	facts.image_exists
	not is_array(object.get(input.image, "disks", null))
	finding := {
		"msg": sprintf("the disks of image %s are unknown: encryption cannot be checked", [facts.image_id]),
		"resource": facts.image_id,
		"remediation": sprintf("Check the image's disks: %s", [fix.describe_image("ImageId,DiskDeviceMappings")]),
	}
}
