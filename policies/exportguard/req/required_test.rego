package exportguard.req.required_test

import data.exportguard.req.required

full := {"request": {"regionId": "cn-hangzhou", "imageId": "m-1", "ossBucket": "b-1"}}

test_all_given_passes if {
	findings := required.deny with input as full
	print("deny:", findings)
	count(findings) == 0
}

test_each_missing_parameter_is_named if {
	findings := required.deny with input as {"request": {"regionId": "cn-hangzhou"}}
	print("deny:", findings)
	{f.resource | some f in findings} == {"ImageId", "OSSBucket"}
}

test_empty_and_blank_and_null_count_as_missing if {
	findings := required.deny with input as {"request": {"regionId": "", "imageId": "  ", "ossBucket": null}}
	print("deny:", findings)
	count(findings) == 3
}

test_no_request_area_fails_closed if {
	findings := required.deny with input as {}
	print("deny:", findings)
	count(findings) == 3
}
