package exportguard.bucket.policy_deny_test

import data.exportguard.bucket.policy_deny
import data.exportguard.lib.fixtures

bucket_policy(statements) := fixtures.patched({"bucket": {"policy": {"Version": "1", "Statement": statements}}})

deny_stmt(principal, actions, resources) := {"Effect": "Deny", "Principal": principal, "Action": actions, "Resource": resources}

test_no_bucket_policy_passes if {
	count(policy_deny.deny) == 0 with input as fixtures.facts
}

test_allow_only_policy_passes if {
	count(policy_deny.deny) == 0 with input as bucket_policy([{"Effect": "Allow", "Principal": ["1234567890123456"], "Action": ["oss:*"], "Resource": ["*"]}])
}

test_deny_everyone_put_fails_and_names_the_statement if {
	d := policy_deny.deny with input as bucket_policy([
		{"Effect": "Allow", "Principal": ["1234567890123456"], "Action": ["oss:*"], "Resource": ["*"]},
		deny_stmt(["*"], ["oss:PutObject"], ["acs:oss:*:1234567890123456:my-export-bucket/*"]),
	])
	print("deny:", d)
	count(d) == 1
	some f in d
	f.action == "oss:PutObject"
	f.statement == 1
	contains(f.msg, "Statement[1]")
}

test_deny_for_the_role_arn_fails if {
	d := policy_deny.deny with input as bucket_policy([deny_stmt({"RAM": ["acs:ram::1234567890123456:role/AliyunECSImageExportDefaultRole"]}, ["oss:*"], ["acs:oss:*:*:my-export-bucket", "acs:oss:*:*:my-export-bucket/*"])])
	count(d) == 8
}

test_deny_for_the_account_fails if {
	count(policy_deny.deny) == 3 with input as bucket_policy([deny_stmt(["1234567890123456"], ["oss:GetBucket*", "oss:ListMultipartUploads"], ["*"])])
}

test_deny_for_someone_else_passes if {
	count(policy_deny.deny) == 0 with input as bucket_policy([deny_stmt(["2222222222222222"], ["oss:*"], ["*"])])
}

test_deny_on_other_paths_passes if {
	count(policy_deny.deny) == 0 with input as bucket_policy([deny_stmt(["*"], ["oss:PutObject"], ["acs:oss:*:*:my-export-bucket/logs/*"])])
}

test_deny_with_condition_still_fails if {
	s := object.union(deny_stmt(["*"], ["oss:PutObject"], ["*"]), {"Condition": {"Bool": {"acs:SecureTransport": "false"}}})
	count(policy_deny.deny) == 1 with input as bucket_policy([s])
}

test_deny_with_not_action_fails_for_the_rest if {
	count(policy_deny.deny) == 7 with input as bucket_policy([{"Effect": "Deny", "Principal": ["*"], "NotAction": ["oss:GetObject"], "Resource": ["*"]}])
}

test_missing_policy_fact_fails_closed if {
	no_policy_fact := object.union(object.remove(fixtures.facts, ["bucket"]), {"bucket": object.remove(fixtures.facts.bucket, ["policy"])})
	d := policy_deny.deny with input as no_policy_fact
	print("deny:", d)
	count(d) == 1
}

# OSS documents Principal [] as equal to ["*"]: a Deny to [] applies to the role.
test_deny_to_an_empty_principal_list_applies_to_everyone if {
	d := policy_deny.deny with input as bucket_policy([deny_stmt([], ["oss:PutObject"], ["acs:oss:*:*:my-export-bucket/*"])])
	count(d) == 1
}

# STS principals are patterns matched against the role's session, in this account only.
test_sts_principals_match_the_role_session_in_this_account if {
	all := ["acs:oss:*:*:my-export-bucket", "acs:oss:*:*:my-export-bucket/*"]
	count(policy_deny.deny) == 8 with input as bucket_policy([deny_stmt(["arn:sts::1234567890123456:assumed-role/AliyunECSImageExportDefaultRole/*"], ["oss:*"], all)])
	count(policy_deny.deny) == 8 with input as bucket_policy([deny_stmt(["arn:sts::1234567890123456:assumed-role/aliyunecsimageexportdefaultrole/ecs-export"], ["oss:*"], all)])
	count(policy_deny.deny) == 8 with input as bucket_policy([deny_stmt(["arn:sts::*:*/*/*"], ["oss:*"], all)])
	count(policy_deny.deny) == 8 with input as bucket_policy([deny_stmt(["arn:sts::1234567890123456:assumed-role/*/*"], ["oss:*"], all)])
	count(policy_deny.deny) == 8 with input as bucket_policy([deny_stmt(["arn:sts::1234567890123456:*"], ["oss:*"], all)])
	count(policy_deny.deny) == 0 with input as bucket_policy([deny_stmt(["arn:sts::2222222222222222:assumed-role/AliyunECSImageExportDefaultRole/*"], ["oss:*"], all)])
	count(policy_deny.deny) == 0 with input as bucket_policy([deny_stmt(["arn:sts::1234567890123456:assumed-role/OtherRole/*"], ["oss:*"], all)])
	count(policy_deny.deny) == 0 with input as bucket_policy([deny_stmt(["acs:ram::2222222222222222:role/AliyunECSImageExportDefaultRole"], ["oss:*"], all)])
	count(policy_deny.deny) == 8 with input as bucket_policy([deny_stmt(["acs:ram::1234567890123456:root"], ["oss:*"], all)])
}

test_undocumented_effects_and_principals_fail_closed if {
	all := ["acs:oss:*:*:my-export-bucket", "acs:oss:*:*:my-export-bucket/*"]
	count(policy_deny.deny) == 8 with input as bucket_policy([{"Effect": "deny", "Principal": ["*"], "Action": ["oss:*"], "Resource": all}])
	count(policy_deny.deny) == 8 with input as bucket_policy([{"Effect": "Deny", "NotPrincipal": ["2222222222222222"], "Action": ["oss:*"], "Resource": all}])
	count(policy_deny.deny) == 8 with input as bucket_policy([{"Effect": "Deny", "principal": ["*"], "action": ["oss:*"], "resource": all}])
	count(policy_deny.deny) == 0 with input as bucket_policy([{"Effect": "allow", "Principal": ["*"], "Action": ["oss:*"], "Resource": all}])
}

test_a_deny_on_any_object_or_region_form_counts if {
	count(policy_deny.deny) == 1 with input as bucket_policy([deny_stmt(["*"], ["oss:PutObject"], ["acs:oss:*:*:my-export-bucket/demo_m-bp1demo0001_data-xvdb.raw.tar.gz"])])
	count(policy_deny.deny) == 1 with input as bucket_policy([deny_stmt(["*"], ["oss:PutObject"], ["acs:oss:oss-cn-hangzhou:*:my-export-bucket/*"])])
	count(policy_deny.deny) == 0 with input as bucket_policy([deny_stmt(["*"], ["oss:PutObject"], ["acs:oss:*:*:my-export-bucket/other*"])])
}

test_an_unreadable_policy_fails_closed if {
	count(policy_deny.deny) == 1 with input as fixtures.patched({"bucket": {"policy": {"Version": "1"}}})
	count(policy_deny.deny) == 0 with input as fixtures.patched({"bucket": {"policy": {"Version": "1", "Statement": []}}})
}

test_remediation_names_the_bucket if {
	f := fixtures.patched({"request": {"ossBucket": "team-b-images"}, "bucket": {"name": "team-b-images", "policy": {"Version": "1", "Statement": [deny_stmt(["*"], ["oss:PutObject"], ["*"])]}}})
	some x in policy_deny.deny with input as f
	contains(x.remediation, "oss://team-b-images")
	not contains(x.remediation, "my-export-bucket")
}
