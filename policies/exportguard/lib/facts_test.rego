package exportguard.lib.facts_test

import data.exportguard.lib.facts

test_names_from_the_request if {
	req := {"regionId": "cn-hangzhou", "imageId": "m-1", "ossBucket": "b", "roleName": "R"}
	facts.region_id == "cn-hangzhou" with input as {"request": req}
	facts.image_id == "m-1" with input as {"request": req}
	facts.bucket_name == "b" with input as {"request": req}
	facts.role_name == "R" with input as {"request": req}
}

test_placeholders_when_missing if {
	facts.region_id == "(no region)" with input as {}
	facts.image_id == "(no image)" with input as {"request": {"imageId": null}}
	facts.bucket_name == "(no bucket)" with input as {"request": {"ossBucket": ""}}
	facts.role_name == "AliyunECSImageExportDefaultRole" with input as {}
}

test_role_resource_prefers_arn if {
	facts.role_resource == "acs:ram::1:role/r" with input as {"role": {"arn": "acs:ram::1:role/r"}}
	facts.role_resource == "AliyunECSImageExportDefaultRole" with input as {"role": {}}
}

test_existence_is_only_a_positive_fact if {
	facts.image_exists with input as {"image": {"exists": true}}
	not facts.image_exists with input as {"image": {"exists": false}}
	not facts.image_exists with input as {}
	not facts.role_exists with input as {"role": {"exists": "true"}}
	facts.unknown_existence("bucket") with input as {"bucket": {}}
	facts.unknown_existence("bucket") with input as {}
	not facts.unknown_existence("bucket") with input as {"bucket": {"exists": false}}
}

test_attached_policies_default_to_none if {
	facts.attached_policies == [{"name": "P"}] with input as {"role": {"attachedPolicies": [{"name": "P"}]}}
	facts.attached_policies == [] with input as {"role": {"attachedPolicies": null}}
	facts.attached_policies == [] with input as {}
}

test_disk_names if {
	facts.snapshot_id({"snapshotId": "s-1"}) == "s-1"
	facts.snapshot_id({}) == "(unknown snapshot)"
	facts.device({"device": "/dev/xvdb"}) == "/dev/xvdb"
	facts.device({}) == "(unknown device)"
}

test_bucket_region if {
	facts.bucket_region == "cn-shanghai" with input as {"bucket": {"regionId": "cn-shanghai", "location": "oss-cn-beijing"}}
	facts.bucket_region == "cn-beijing" with input as {"bucket": {"regionId": null, "location": "oss-cn-beijing"}}
	not facts.bucket_region with input as {"bucket": {"location": "cn-beijing"}}
	facts.bucket_elsewhere with input as {"request": {"regionId": "cn-hangzhou"}, "bucket": {"regionId": "cn-beijing"}}
	not facts.bucket_elsewhere with input as {"request": {"regionId": "cn-hangzhou"}, "bucket": {"regionId": "cn-hangzhou"}}
	not facts.bucket_elsewhere with input as {"request": {"regionId": "cn-hangzhou"}, "bucket": {}}
}
