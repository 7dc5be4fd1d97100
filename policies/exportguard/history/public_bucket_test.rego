package exportguard.history.public_bucket_test

import data.exportguard.history.public_bucket
import data.exportguard.lib.audit_fixtures

test_a_private_bucket_passes if {
	count(public_bucket.deny) == 0 with input as audit_fixtures.export
}

test_a_public_acl_fails if {
	d := public_bucket.deny with input as audit_fixtures.exported({"exportBucket": {"acl": "public-read"}})
	print("deny:", d)
	count(d) == 1
	some f in d
	contains(f.msg, "public-read")
	contains(f.remediation, "aliyun oss set-acl oss://team-exports private -b")
}

test_a_policy_open_to_anyone_fails if {
	open := {"Version": "1", "Statement": [{"Effect": "Allow", "Principal": ["*"], "Action": ["oss:GetObject"], "Resource": ["acs:oss:*:*:team-exports/*"]}]}
	d := public_bucket.deny with input as audit_fixtures.exported({"exportBucket": {"policy": open}})
	count(d) == 1
}

test_a_policy_for_one_account_passes if {
	named := {"Version": "1", "Statement": [{"Effect": "Allow", "Principal": ["5550001112223334"], "Action": ["oss:GetObject"], "Resource": ["*"]}]}
	count(public_bucket.deny) == 0 with input as audit_fixtures.exported({"exportBucket": {"policy": named}})
}

test_an_unknown_acl_fails_closed if {
	count(public_bucket.deny) == 1 with input as audit_fixtures.exported({"exportBucket": {"acl": null}})
}

test_a_missing_acl_fails_closed if {
	count(public_bucket.deny) == 1 with input as json.remove(audit_fixtures.export, ["exportBucket/acl"])
}

test_another_accounts_bucket_is_left_to_hist_002 if {
	count(public_bucket.deny) == 0 with input as audit_fixtures.exported({"exportBucket": {"owner": "other", "acl": null}})
}
