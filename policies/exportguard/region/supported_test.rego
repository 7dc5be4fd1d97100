package exportguard.region.supported_test

import data.exportguard.lib.fixtures
import data.exportguard.region.supported

test_empty_list_by_default_passes if {
	count(data.exportguard.config.unsupportedRegions) == 0
	count(supported.deny) == 0 with input as fixtures.facts
}

test_listed_region_fails if {
	d := supported.deny with input as fixtures.facts with data.exportguard.config.unsupportedRegions as ["cn-hangzhou"]
	print("deny:", d)
	count(d) == 1
	some f in d
	contains(f.msg, "InvalidRegion.NotSupport")
}

test_other_listed_region_passes if {
	d := supported.deny with input as fixtures.facts with data.exportguard.config.unsupportedRegions as ["cn-beijing"]
	count(d) == 0
}
