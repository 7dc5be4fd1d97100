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

test_a_bucket_out_of_scope_is_not_asked_for if {
	audit := {
		"request": {"regionId": "cn-hangzhou", "imageId": "m-1", "ossBucket": null},
		"skipped": [{"area": "bucket", "reason": "no bucket given", "outOfScope": true}],
	}
	findings := required.deny with input as audit
	print("deny:", findings)
	count(findings) == 0
}

test_a_bucket_skipped_for_another_reason_is_still_asked_for if {
	skipped := {
		"request": {"regionId": "cn-hangzhou", "imageId": "m-1"},
		"skipped": [{"area": "bucket", "reason": "OSSBucket is missing"}],
	}
	findings := required.deny with input as skipped
	{f.resource | some f in findings} == {"OSSBucket"}
}

test_out_of_scope_exempts_only_its_own_field if {
	audit := {
		"request": {"imageId": "m-1"},
		"skipped": [{"area": "bucket", "reason": "no bucket given", "outOfScope": true}],
	}
	findings := required.deny with input as audit
	{f.resource | some f in findings} == {"RegionId"}
}
