package exportguard.image.exists_test

import data.exportguard.image.exists
import data.exportguard.lib.fixtures

test_existing_image_passes if {
	count(exists.deny) == 0 with input as fixtures.facts
}

test_missing_image_fails if {
	d := exists.deny with input as fixtures.patched({"image": {"exists": false}})
	print("deny:", d)
	count(d) == 1
	some f in d
	f.resource == "m-bp1demo0001"
}

test_no_image_area_fails_closed if {
	d := exists.deny with input as object.remove(fixtures.facts, ["image"])
	print("deny:", d)
	count(d) == 1
}
