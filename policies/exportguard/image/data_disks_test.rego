package exportguard.image.data_disks_test

import data.exportguard.image.data_disks
import data.exportguard.lib.fixtures

system_disk := {"device": "/dev/xvda", "type": "system", "sizeGiB": 2048, "snapshotId": "s-sys"}

data_disk(i, size) := {"device": sprintf("/dev/xvd%d", [i]), "type": "data", "sizeGiB": size, "snapshotId": sprintf("s-d%d", [i])}

image(disks) := fixtures.patched({"image": {"disks": disks}})

test_four_disks_of_500_gib_pass if {
	disks := array.concat([system_disk], [data_disk(i, 500) | some i in numbers.range(1, 4)])
	d := data_disks.deny with input as image(disks)
	print("deny:", d)
	count(d) == 0
}

test_system_disk_size_is_not_limited if {
	count(data_disks.deny) == 0 with input as image([system_disk])
}

test_five_data_disks_fail if {
	disks := array.concat([system_disk], [data_disk(i, 10) | some i in numbers.range(1, 5)])
	d := data_disks.deny with input as image(disks)
	print("deny:", d)
	count(d) == 1
}

test_oversized_data_disk_fails if {
	d := data_disks.deny with input as image([system_disk, data_disk(1, 501)])
	print("deny:", d)
	count(d) == 1
	some f in d
	f.resource == "s-d1"
}

test_unknown_size_and_type_fail_closed if {
	count(data_disks.deny) == 1 with input as image([system_disk, data_disk(1, null)])
	count(data_disks.deny) == 1 with input as image([system_disk, {"device": "/dev/xvdb", "sizeGiB": 600}])
	count(data_disks.deny) == 1 with input as image(null)
}

test_limits_come_from_data if {
	d := data_disks.deny with input as image([system_disk, data_disk(1, 100), data_disk(2, 100)])
		with data.exportguard.config.maxDataDisks as 1
		with data.exportguard.config.maxDataDiskSizeGiB as 50
	print("deny:", d)
	count(d) == 3
}
