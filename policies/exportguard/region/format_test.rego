package exportguard.region.format_test

import data.exportguard.lib.fixtures
import data.exportguard.region.format

test_raw_passes_anywhere if {
	count(format.warn) == 0 with input as fixtures.facts
	count(format.warn) == 0 with input as fixtures.patched({"request": {"imageFormat": null}})
}

test_qcow2_in_a_format_region_passes if {
	count(format.warn) == 0 with input as fixtures.patched({"request": {"regionId": "ap-southeast-1", "imageFormat": "qcow2"}})
}

test_qcow2_elsewhere_warns if {
	w := format.warn with input as fixtures.patched({"request": {"imageFormat": "qcow2"}})
	print("warn:", w)
	count(w) == 1
	some f in w
	f.resource == "cn-hangzhou"
}

test_invalid_format_is_left_to_eg_req_003 if {
	count(format.warn) == 0 with input as fixtures.patched({"request": {"imageFormat": "iso"}})
}
