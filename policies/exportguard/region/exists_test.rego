package exportguard.region.exists_test

import data.exportguard.lib.fixtures
import data.exportguard.region.exists

test_known_region_passes if {
	count(exists.deny) == 0 with input as fixtures.facts
}

test_unknown_region_fails if {
	d := exists.deny with input as fixtures.patched({"request": {"regionId": "cn-nowhere"}, "region": {"id": "cn-nowhere", "exists": false}})
	print("deny:", d)
	count(d) == 1
	some f in d
	f.resource == "cn-nowhere"
	contains(f.msg, "InvalidRegionId.NotFound")
}

test_missing_region_area_fails_closed if {
	d := exists.deny with input as {"request": {"regionId": "cn-hangzhou"}}
	print("deny:", d)
	count(d) == 1
}
