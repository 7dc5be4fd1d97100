package exportguard.lib.ram_test

import data.exportguard.lib.ram

# --- patterns ---------------------------------------------------------------------------------

test_star_matches_any_run_including_empty if {
	ram.wildcard_match("*", "")
	ram.wildcard_match("*", "acs:oss:*:*:b/x")
	ram.wildcard_match("oss:Get*", "oss:Get")
	ram.wildcard_match("oss:Get*", "oss:GetObject")
	ram.wildcard_match("acs:oss:*:*:my-bucket/*", "acs:oss:cn-hangzhou:123:my-bucket/p_m-1_system.raw.tar.gz")
	ram.wildcard_match("a*b*c", "aXXbYYc")
}

test_question_mark_matches_exactly_one if {
	ram.wildcard_match("oss:?etObject", "oss:GetObject")
	not ram.wildcard_match("oss:?etObject", "oss:etObject")
	not ram.wildcard_match("oss:?etObject", "oss:GGetObject")
}

test_everything_else_is_literal if {
	not ram.wildcard_match("a.c", "abc")
	ram.wildcard_match("a.c", "a.c")
	ram.wildcard_match("b[1]+(x)|y$", "b[1]+(x)|y$")
	not ram.wildcard_match("b[1]", "b1")
	ram.wildcard_match("a\\Eb", "a\\Eb")
}

test_patterns_are_anchored if {
	not ram.wildcard_match("my-bucket", "acs:oss:*:*:my-bucket")
	not ram.wildcard_match("acs:oss:*:*:my-bucket", "acs:oss:*:*:my-bucket/x")
	not ram.wildcard_match("oss:GetObject", "oss:GetObjectAcl")
}

test_pattern_direction_is_pattern_against_concrete if {
	# a concrete policy resource does not match a wildcard "resource"
	not ram.wildcard_match("acs:oss:cn-hangzhou:123:b", "acs:oss:*:*:b")
}

test_resources_are_case_sensitive_actions_are_not if {
	not ram.wildcard_match("acs:oss:*:*:My-Bucket", "acs:oss:*:*:my-bucket")
	ram.action_pattern_match("oss:getobject", "oss:GetObject")
	ram.action_pattern_match("OSS:GET*", "oss:GetObject")
}

# --- statements ------------------------------------------------------------------------------

test_action_and_notaction if {
	ram.action_matches({"Action": ["oss:Get*"]}, "oss:GetObject")
	not ram.action_matches({"Action": ["oss:Get*"]}, "oss:PutObject")
	ram.action_matches({"Action": "oss:PutObject"}, "oss:PutObject")
	ram.action_matches({"NotAction": ["oss:Delete*"]}, "oss:PutObject")
	not ram.action_matches({"NotAction": ["oss:delete*"]}, "oss:DeleteObject")
	not ram.action_matches({}, "oss:PutObject")
}

test_resource_and_notresource if {
	ram.resource_matches({"Resource": ["acs:oss:*:*:b/*"]}, "acs:oss:r:1:b/k")
	not ram.resource_matches({"Resource": ["acs:oss:*:*:b/*"]}, "acs:oss:r:1:b")
	ram.resource_matches({"NotResource": ["acs:oss:*:*:secret/*"]}, "acs:oss:r:1:b/k")
	not ram.resource_matches({"NotResource": ["acs:oss:*:*:b/*"]}, "acs:oss:r:1:b/k")
	not ram.resource_matches({}, "acs:oss:r:1:b/k")
}

test_conditions if {
	ram.has_condition({"Condition": {"IpAddress": {"acs:SourceIp": "10.0.0.0/8"}}})
	not ram.has_condition({"Condition": {}})
	not ram.has_condition({"Condition": null})
	not ram.has_condition({})
}

policies := [
	{"name": "Grant", "document": {"Version": "1", "Statement": [
		{"Effect": "Allow", "Action": ["oss:Get*", "oss:PutObject"], "Resource": ["*"]},
		{"Effect": "Allow", "Action": ["oss:DeleteObject"], "Resource": ["*"], "Condition": {"Bool": {"acs:SecureTransport": "true"}}},
	]}},
	{"name": "Guard", "document": {"Version": "1", "Statement": [{"Effect": "Deny", "Action": ["oss:PutObject"], "Resource": ["acs:oss:*:*:b/*"]}]}},
	{"name": "Empty", "document": null},
]

test_statements_flatten_with_policy_and_index if {
	entries := ram.statements(policies)
	count(entries) == 3
	entries[1].policy == "Grant"
	entries[1].index == 1
	entries[2].policy == "Guard"
	entries[2].index == 0
}

test_single_statement_object_is_read_as_a_list if {
	entries := ram.statements_of("trust", {"Statement": {"Effect": "Allow", "Action": "sts:AssumeRole"}})
	count(entries) == 1
}

test_allow_deny_and_conditional if {
	entries := ram.statements(policies)
	ram.allowed_by(entries, "oss:GetObject", "acs:oss:r:1:b/k") == {{"policy": "Grant", "statement": 0}}
	ram.allowed_by(entries, "oss:DeleteObject", "acs:oss:r:1:b/k") == set()
	ram.conditionally_allowed_by(entries, "oss:DeleteObject", "acs:oss:r:1:b/k") == {{"policy": "Grant", "statement": 1}}
	ram.denied_by(entries, "oss:PutObject", "acs:oss:r:1:b/k") == {{"policy": "Guard", "statement": 0}}
	ram.denied_by(entries, "oss:PutObject", "acs:oss:r:1:other/k") == set()
}

test_deny_without_resource_covers_everything if {
	entries := ram.statements_of("p", {"Statement": [{"Effect": "Deny", "Action": ["oss:*"]}]})
	ram.denied_by(entries, "oss:GetObject", "acs:oss:r:1:b/k") == {{"policy": "p", "statement": 0}}
	entries2 := ram.statements_of("p", {"Statement": [{"Effect": "Allow", "Action": ["oss:*"]}]})
	ram.allowed_by(entries2, "oss:GetObject", "acs:oss:r:1:b/k") == set()
}

test_describe if {
	ram.describe({"policy": "P", "statement": 2}) == "policy \"P\" Statement[2]"
}

# --- principals ------------------------------------------------------------------------------

role := {"name": "AliyunECSImageExportDefaultRole", "arn": "acs:ram::1234567890123456:role/aliyunecsimageexportdefaultrole"}

test_principal_entries_forms if {
	ram.principal_entries("*") == [{"kind": "Any", "value": "*"}]
	ram.principal_entries(["1", "2"]) == [{"kind": "Any", "value": "1"}, {"kind": "Any", "value": "2"}]
	ram.principal_entries({"Service": ["ecs.aliyuncs.com"], "RAM": "acs:ram::1:root"}) == [
		{"kind": "RAM", "value": "acs:ram::1:root"},
		{"kind": "Service", "value": "ecs.aliyuncs.com"},
	]
}

test_service_principals if {
	ram.principal_matches_service({"Service": ["ecs.aliyuncs.com"]}, "ecs.aliyuncs.com")
	ram.principal_matches_service({"Service": ["ECS.aliyuncs.com"]}, "ecs.aliyuncs.com")
	ram.principal_matches_service("*", "ecs.aliyuncs.com")
	not ram.principal_matches_service({"Service": ["oss.aliyuncs.com"]}, "ecs.aliyuncs.com")
	not ram.principal_matches_service({"RAM": ["*"]}, "ecs.aliyuncs.com")
}

test_role_principals if {
	ram.principal_matches_role(["*"], role)
	ram.principal_matches_role(["1234567890123456"], role)
	ram.principal_matches_role({"RAM": ["acs:ram::1234567890123456:root"]}, role)
	ram.principal_matches_role({"RAM": ["acs:ram::1234567890123456:role/AliyunECSImageExportDefaultRole"]}, role)
	ram.principal_matches_role({"RAM": ["acs:ram::*:role/*"]}, role)
	ram.principal_matches_role(["arn:sts::1234567890123456:assumed-role/AliyunECSImageExportDefaultRole/ecs"], role)
	not ram.principal_matches_role(["2222222222222222"], role)
	not ram.principal_matches_role({"RAM": ["acs:ram::1234567890123456:role/other"]}, role)
}

# --- concrete resources ----------------------------------------------------------------------

test_account_id_from_arn_then_field if {
	ram.account_id({"arn": "acs:ram::42:role/r", "accountId": "7"}) == "42"
	ram.account_id({"accountId": "7"}) == "7"
	not ram.account_id({"arn": "garbage"})
}

test_export_object_key if {
	ram.export_object_key({"imageId": "m-1", "ossPrefix": "pre", "imageFormat": "raw"}) == "pre_m-1_system.raw.tar.gz"
	ram.export_object_key({"imageId": "m-1", "ossPrefix": null, "imageFormat": "qcow2"}) == "m-1_system.qcow2"
	ram.export_object_key({"imageId": "m-1"}) == "m-1_system.raw.tar.gz"
}

test_export_resources_per_level if {
	ctx := ram.export_context({
		"request": {"regionId": "cn-hangzhou", "imageId": "m-1", "ossBucket": "b", "ossPrefix": "p", "imageFormat": "vhd"},
		"role": role,
	})
	ram.export_resource("oss:GetBucketInfo", ctx) == "acs:oss:cn-hangzhou:1234567890123456:b"
	ram.export_resource("oss:ListMultipartUploads", ctx) == "acs:oss:cn-hangzhou:1234567890123456:b"
	ram.export_resource("oss:PutObject", ctx) == "acs:oss:cn-hangzhou:1234567890123456:b/p_m-1_system.vhd"
}

test_export_context_undefined_without_account if {
	not ram.export_context({"request": {"regionId": "cn-hangzhou", "imageId": "m-1", "ossBucket": "b"}, "role": {}})
}

test_bucket_policy_deny_for_role if {
	entries := ram.statements_of("bucket policy", {"Statement": [
		{"Effect": "Deny", "Principal": ["*"], "Action": ["oss:PutObject"], "Resource": ["acs:oss:*:*:b/*"]},
		{"Effect": "Deny", "Principal": ["2222222222222222"], "Action": ["oss:*"], "Resource": ["acs:oss:*:*:b/*"]},
		{"Effect": "Deny", "Action": ["oss:GetObject"], "Resource": ["acs:oss:*:*:b/*"]},
		{"Effect": "Allow", "Principal": ["*"], "Action": ["oss:PutObject"], "Resource": ["acs:oss:*:*:b/*"]},
	]})
	ram.denied_for_role_by(entries, role, "oss:PutObject", "acs:oss:r:1:b/k") == {{"policy": "bucket policy", "statement": 0}}
	ram.denied_for_role_by(entries, role, "oss:GetObject", "acs:oss:r:1:b/k") == {{"policy": "bucket policy", "statement": 2}}
	ram.denied_for_role_by(entries, role, "oss:ListParts", "acs:oss:r:1:b/k") == set()
}
