package exportguard.lib.export_test

import data.exportguard.lib.export
import data.exportguard.lib.patterns

role := {"name": "AliyunECSImageExportDefaultRole", "arn": "acs:ram::1234567890123456:role/aliyunecsimageexportdefaultrole"}

facts := {
	"request": {"regionId": "cn-hangzhou", "imageId": "m-1", "ossBucket": "b", "ossPrefix": "p", "imageFormat": "vhd", "roleName": "AliyunECSImageExportDefaultRole"},
	"role": role,
}

ctx := c if {
	c := export.context(facts) with input as facts
}

test_account_id_from_arn_then_field if {
	export.account_id({"arn": "acs:ram::42:role/r", "accountId": "7"}) == "42"
	export.account_id({"accountId": "7"}) == "7"
	not export.account_id({"arn": "garbage"})
}

test_role_names_are_the_request_and_arn_spellings if {
	ctx.roleNames == {"AliyunECSImageExportDefaultRole", "aliyunecsimageexportdefaultrole"}
}

test_templates_per_level if {
	patterns.show(export.template("oss:GetBucketInfo", ctx)) == "acs:oss:*:1234567890123456:b"
	patterns.show(export.template("oss:ListMultipartUploads", ctx)) == "acs:oss:*:1234567890123456:b"
	patterns.show(export.template("oss:PutObject", ctx)) == "acs:oss:*:1234567890123456:b/p*"
}

test_without_prefix_every_object_of_the_bucket if {
	f := object.union(facts, {"request": {"ossPrefix": null}})
	c := export.context(f) with input as f
	patterns.show(export.template("oss:PutObject", c)) == "acs:oss:*:1234567890123456:b/*"
}

test_context_undefined_without_account if {
	f := {"request": {"regionId": "cn-hangzhou", "imageId": "m-1", "ossBucket": "b"}, "role": {}}
	not export.context(f) with input as f
}

test_certainly_role_needs_every_session_in_every_spelling if {
	export.certainly_role("*", ctx)
	export.certainly_role("arn:sts::1234567890123456:assumed-role/*/*", ctx)
	export.certainly_role("arn:sts::*:*/*/*", ctx)
	not export.certainly_role("arn:sts::1234567890123456:assumed-role/*ExportDefaultRole/*", ctx)
	not export.certainly_role("arn:sts::1234567890123456:assumed-role/AliyunECSImageExportDefaultRole/*", ctx)
	not export.certainly_role("arn:sts::1234567890123456:assumed-role/*/ecs-export", ctx)
	not export.certainly_role("arn:sts::2222222222222222:assumed-role/*/*", ctx)
	not export.certainly_role("1234567890123456", ctx)
	not export.certainly_role("acs:ram::1234567890123456:role/aliyunecsimageexportdefaultrole", ctx)
}

test_may_be_role if {
	export.may_be_role("*", ctx)
	export.may_be_role("arn:sts::1234567890123456:assumed-role/AliyunECSImageExportDefaultRole/ecs", ctx)
	export.may_be_role("arn:sts::1234567890123456:assumed-role/ALIYUNECSIMAGEEXPORTDEFAULTROLE/*", ctx)
	export.may_be_role("arn:sts::*:*/*/*", ctx)
	export.may_be_role("arn:sts::1234567890123456:*", ctx)
	export.may_be_role("1234567890123456", ctx)
	export.may_be_role("acs:ram::1234567890123456:root", ctx)
	export.may_be_role("acs:ram::1234567890123456:role/AliyunECSImageExportDefaultRole", ctx)
	export.may_be_role(7, ctx)
	not export.may_be_role("arn:sts::2222222222222222:assumed-role/AliyunECSImageExportDefaultRole/*", ctx)
	not export.may_be_role("arn:sts::1234567890123456:assumed-role/OtherRole/*", ctx)
	not export.may_be_role("2222222222222222", ctx)
	not export.may_be_role("acs:ram::1234567890123456:user/alice", ctx)
}
