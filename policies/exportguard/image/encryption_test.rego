package exportguard.image.encryption_test

import data.exportguard.image.encryption
import data.exportguard.lib.fixtures

disks(snap) := [
	{"device": "/dev/xvda", "type": "system", "sizeGiB": 40, "snapshotId": "s-sys", "snapshot": fixtures.snapshot("s-sys")},
	{"device": "/dev/xvdb", "type": "data", "sizeGiB": 40, "snapshotId": "s-d1", "snapshot": snap},
]

test_unencrypted_passes if {
	count(encryption.deny) == 0 with input as fixtures.facts
}

test_encrypted_data_snapshot_fails if {
	snap := object.union(fixtures.snapshot("s-d1"), {"encrypted": true, "kmsKeyId": "key-1"})
	d := encryption.deny with input as fixtures.patched({"image": {"disks": disks(snap)}})
	print("deny:", d)
	count(d) == 1
	some f in d
	f.resource == "s-d1"
	contains(f.msg, "ImageNotSupported")
}

test_unknown_encryption_fails_closed if {
	count(encryption.deny) == 1 with input as fixtures.patched({"image": {"disks": disks(null)}})
	count(encryption.deny) == 1 with input as fixtures.patched({"image": {"disks": disks({"id": "s-d1", "encrypted": null})}})
	count(encryption.deny) == 1 with input as fixtures.patched({"image": {"disks": null}})
}

test_missing_image_is_left_to_eg_image_001 if {
	count(encryption.deny) == 0 with input as {"image": {"exists": false}}
}
