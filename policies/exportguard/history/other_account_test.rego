package exportguard.history.other_account_test

import data.exportguard.history.other_account
import data.exportguard.lib.audit_fixtures

test_the_accounts_own_bucket_passes if {
	count(other_account.deny) == 0 with input as audit_fixtures.export
	count(other_account.warn) == 0 with input as audit_fixtures.export
}

test_another_accounts_bucket_fails if {
	d := other_account.deny with input as audit_fixtures.exported({"exportBucket": {"owner": "other", "ownerId": null}})
	print("deny:", d)
	count(d) == 1
	some f in d
	contains(f.msg, "another account")
	contains(f.msg, "AccessDenied")
}

test_a_known_other_owner_is_named if {
	d := other_account.deny with input as audit_fixtures.exported({"exportBucket": {"owner": "other", "ownerId": "9990001112223334"}})
	some f in d
	contains(f.msg, "account 9990001112223334")
}

test_an_unknown_owner_fails_closed if {
	count(other_account.deny) == 1 with input as audit_fixtures.exported({"exportBucket": {"owner": null}})
	count(other_account.deny) == 1 with input as object.remove(audit_fixtures.export, ["exportBucket"])
}

test_a_bucket_that_is_gone_warns if {
	w := other_account.warn with input as audit_fixtures.exported({"exportBucket": {"owner": "none"}})
	count(w) == 1
	count(other_account.deny) == 0 with input as audit_fixtures.exported({"exportBucket": {"owner": "none"}})
}
