package exportguard.image.marketplace_test

import data.exportguard.image.marketplace
import data.exportguard.lib.fixtures

disks(snap) := [
	{"device": "/dev/xvda", "type": "system", "sizeGiB": 40, "snapshotId": "s-sys", "snapshot": snap},
]

test_clean_image_passes if {
	count(marketplace.deny) == 0 with input as fixtures.facts
	count(marketplace.deny) == 0 with input as fixtures.patched({"image": {"productCode": null}})
}

test_image_product_code_fails if {
	d := marketplace.deny with input as fixtures.patched({"image": {"productCode": "cmjj012345"}})
	print("deny:", d)
	count(d) == 1
}

test_marketplace_owner_fails if {
	count(marketplace.deny) == 1 with input as fixtures.patched({"image": {"ownerAlias": "marketplace"}})
}

test_snapshot_product_code_fails if {
	snap := object.union(fixtures.snapshot("s-sys"), {"productCode": "cmjj012345"})
	d := marketplace.deny with input as fixtures.patched({"image": {"disks": disks(snap)}})
	print("deny:", d)
	count(d) == 1
	some f in d
	f.resource == "s-sys"
}

test_unreadable_snapshot_fails_closed if {
	count(marketplace.deny) == 1 with input as fixtures.patched({"image": {"disks": disks(null)}})
	count(marketplace.deny) == 1 with input as fixtures.patched({"image": {"disks": disks({"id": "s-sys", "exists": false})}})
	count(marketplace.deny) == 1 with input as fixtures.patched({"image": {"disks": null}})
}
