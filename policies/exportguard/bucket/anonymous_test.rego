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
