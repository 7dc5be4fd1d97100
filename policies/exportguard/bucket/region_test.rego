package exportguard.bucket.region_test

import data.exportguard.bucket.region
import data.exportguard.lib.fixtures

test_same_region_passes if {
	count(region.deny) == 0 with input as fixtures.facts
}

test_location_alone_is_enough if {
	count(region.deny) == 0 with input as fixtures.patched({"bucket": {"regionId": null}})
}

test_other_region_fails if {
	d := region.deny with input as fixtures.patched({"bucket": {"regionId": "cn-shanghai", "location": "oss-cn-shanghai"}})
	print("deny:", d)
	count(d) == 1
	some f in d
	contains(f.msg, "cn-shanghai")
}

test_other_region_from_location_fails if {
	count(region.deny) == 1 with input as fixtures.patched({"bucket": {"regionId": null, "location": "oss-cn-beijing"}})
}

test_unknown_region_fails_closed if {
	count(region.deny) == 1 with input as fixtures.patched({"bucket": {"regionId": null, "location": null}})
}

test_missing_bucket_is_left_to_eg_bucket_001 if {
	count(region.deny) == 0 with input as fixtures.patched({"bucket": {"exists": false, "regionId": null, "location": null}})
}
