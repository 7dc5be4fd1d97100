package exportguard.history.allowlist_test

import data.exportguard.history.allowlist
import data.exportguard.lib.audit_fixtures

test_without_an_allowlist_nothing_is_judged if {
	count(allowlist.deny) == 0 with input as audit_fixtures.exported({"exportTask": {"ossBucket": "anywhere"}})
}

test_an_approved_bucket_passes if {
	count(allowlist.deny) == 0 with input as audit_fixtures.export
		with data.exportguard.config.allowedExportBuckets as ["team-*", "archive"]
}

test_an_unapproved_bucket_fails_with_the_objects_to_remove if {
	d := allowlist.deny with input as audit_fixtures.exported({"exportTask": {"ossBucket": "stray-bucket"}})
		with data.exportguard.config.allowedExportBuckets as ["team-*"]
	print("deny:", d)
	count(d) == 1
	some f in d
	f.resource == "oss://stray-bucket"
	contains(f.msg, "t-uf6e01")
	contains(f.remediation, "aliyun oss rm oss://stray-bucket/n1_m-uf6a01_system.raw.tar.gz")
}

test_an_empty_allowlist_approves_nothing if {
	count(allowlist.deny) == 1 with input as audit_fixtures.export with data.exportguard.config.allowedExportBuckets as []
}
