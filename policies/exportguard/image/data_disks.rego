# METADATA
# scope: package
# title: At most 4 data disks, each at most 500 GiB
# description: >-
#   ExportImage exports at most 4 data-disk snapshots of at most 500 GiB each (data limits
#   maxDataDisks and maxDataDiskSizeGiB); otherwise InvalidImage.DiskAmountOrSize. A data disk of
#   unknown size is reported too.
# custom:
#   id: EG-IMAGE-006
#   severity: high
#   prevents: InvalidImage.DiskAmountOrSize
#   requires: [image.exists, image.disks]
#   remediation: >-
#     Make an image with fewer or smaller data disks, e.g. the system disk only: aliyun ecs
#     CreateImage --RegionId <region> --SnapshotId <system-snapshot-id> --ImageName <name>-sys (or
#     list up to four data-disk snapshots of at most 500 GiB with --DiskDeviceMapping.N.SnapshotId).
package exportguard.image.data_disks

import data.exportguard.lib.facts
import data.exportguard.lib.fix

config := data.exportguard.config

# Every disk that is not the system disk counts as a data disk (a missing type included).
data_disks := [disk | some disk in input.image.disks; not disk.type == "system"]

# The system disk's snapshot, for an image made of it alone.
system_snapshot := sort(ids)[0] if {
	ids := [s | some disk in input.image.disks; disk.type == "system"; s := disk.snapshotId; is_string(s)]
	count(ids) > 0
} else := "<system-snapshot-id>"

remediation := sprintf("Make an image with at most %d data disks of at most %d GiB, e.g. from the system disk alone: aliyun ecs CreateImage --RegionId %s --SnapshotId %s --ImageName %s (or list the data-disk snapshots to keep with --DiskDeviceMapping.N.SnapshotId)", [
	config.maxDataDisks, config.maxDataDiskSizeGiB, fix.quote(fix.region), fix.quote(system_snapshot), fix.quote(sprintf("%s-sys", [fix.image_name])),
])

deny contains finding if {
	facts.image_exists
	count(data_disks) > config.maxDataDisks
	finding := {
		"msg": sprintf("image %s has %d data disks; at most %d can be exported: ExportImage would fail with InvalidImage.DiskAmountOrSize", [facts.image_id, count(data_disks), config.maxDataDisks]),
		"resource": facts.image_id,
		"remediation": remediation,
	}
}

deny contains finding if {
	facts.image_exists
	some disk in data_disks
	disk.sizeGiB > config.maxDataDiskSizeGiB
	finding := {
		"msg": sprintf("data disk %v (snapshot %v) is %v GiB; at most %v GiB can be exported: ExportImage would fail with InvalidImage.DiskAmountOrSize", [facts.device(disk), facts.snapshot_id(disk), disk.sizeGiB, config.maxDataDiskSizeGiB]),
		"resource": facts.snapshot_id(disk),
		"remediation": remediation,
	}
}

deny contains finding if {
	facts.image_exists
	some disk in data_disks
	not is_number(object.get(disk, "sizeGiB", null))
	finding := {
		"msg": sprintf("the size of data disk %v (snapshot %v) is unknown", [facts.device(disk), facts.snapshot_id(disk)]),
		"resource": facts.snapshot_id(disk),
		"remediation": remediation,
	}
}

deny contains finding if {
	facts.image_exists
	not is_array(object.get(input.image, "disks", null))
	finding := {
		"msg": sprintf("the disks of image %s are unknown: their number and size cannot be checked", [facts.image_id]),
		"resource": facts.image_id,
		"remediation": sprintf("Check the image's disks: %s", [fix.describe_image("ImageId,DiskDeviceMappings")]),
	}
}
