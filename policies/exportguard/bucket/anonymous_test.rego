package exportguard.bucket.anonymous_test

import data.exportguard.bucket.anonymous
import data.exportguard.lib.fixtures

bucket_policy(statements) := fixtures.patched({"bucket": {"policy": {"Version": "1", "Statement": statements}}})

test_no_policy_passes if {
	count(anonymous.deny) == 0 with input as fixtures.facts
}

test_named_principals_pass if {
	count(anonymous.deny) == 0 with input as bucket_policy([{"Effect": "Allow", "Principal": ["1234567890123456"], "Action": ["oss:GetObject"], "Resource": ["*"]}])
}

test_anonymous_allow_fails if {
	d := anonymous.deny with input as bucket_policy([
		{"Effect": "Deny", "Principal": ["*"], "Action": ["oss:DeleteObject"], "Resource": ["*"]},
		{"Effect": "Allow", "Principal": ["*"], "Action": ["oss:GetObject"], "Resource": ["acs:oss:*:*:my-export-bucket/*"]},
	])
	print("deny:", d)
	count(d) == 1
	some f in d
	f.statement == 1
	contains(f.msg, "oss:GetObject")
}

test_anonymous_forms if {
	count(anonymous.deny) == 1 with input as bucket_policy([{"Effect": "Allow", "Principal": "*", "Action": ["oss:GetObject"], "Resource": ["*"]}])
	count(anonymous.deny) == 1 with input as bucket_policy([{"Effect": "Allow", "Principal": {"RAM": ["*"]}, "NotAction": ["oss:PutObject"], "Resource": ["*"]}])
	count(anonymous.deny) == 1 with input as bucket_policy([{"Effect": "Allow", "Action": ["oss:GetObject"], "Resource": ["*"]}])
}

# OSS documents Principal [] as equal to ["*"]: an Allow to [] is anonymous access.
test_an_allow_to_an_empty_principal_list_is_anonymous if {
	d := anonymous.deny with input as bucket_policy([{"Effect": "Allow", "Principal": [], "Action": ["oss:GetObject"], "Resource": ["*"]}])
	count(d) == 1
	some f in d
	contains(f.msg, "anonymous principals (*)")
}

test_an_allow_to_every_account_is_public if {
	d := anonymous.deny with input as bucket_policy([{"Effect": "Allow", "Principal": ["arn:sts::*:*/*/*"], "Action": ["oss:GetObject"], "Resource": ["*"]}])
	count(d) == 1
	count(anonymous.deny) == 0 with input as bucket_policy([{"Effect": "Allow", "Principal": ["arn:sts::1234567890123456:assumed-role/*/*"], "Action": ["oss:GetObject"], "Resource": ["*"]}])
}

test_undocumented_forms_are_read_as_anonymous if {
	count(anonymous.deny) == 1 with input as bucket_policy([{"Effect": "allow", "Principal": ["*"], "Action": ["oss:GetObject"], "Resource": ["*"]}])
	count(anonymous.deny) == 1 with input as bucket_policy([{"Effect": "Allow", "NotPrincipal": ["1"], "Action": ["oss:GetObject"], "Resource": ["*"]}])
	count(anonymous.deny) == 1 with input as bucket_policy([{"Effect": "Allow", "principal": "*", "Action": ["oss:GetObject"], "Resource": ["*"]}])
}
