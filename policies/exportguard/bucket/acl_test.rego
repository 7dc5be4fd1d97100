package exportguard.bucket.acl_test

import data.exportguard.bucket.acl
import data.exportguard.lib.fixtures

test_private_passes if {
	count(acl.deny) == 0 with input as fixtures.facts
}

test_public_acls_fail if {
	every a in ["public-read", "public-read-write"] {
		d := acl.deny with input as fixtures.patched({"bucket": {"acl": a}})
		print("acl", a, "deny:", d)
		count(d) == 1
	}
}

test_unknown_acl_fails_closed if {
	count(acl.deny) == 1 with input as fixtures.patched({"bucket": {"acl": null}})
}

test_unknown_acl_of_a_bucket_elsewhere_is_left_to_eg_bucket_002 if {
	count(acl.deny) == 0 with input as fixtures.patched({"bucket": {"acl": null, "regionId": "cn-shanghai", "location": "oss-cn-shanghai"}})
	count(acl.deny) == 1 with input as fixtures.patched({"bucket": {"acl": "public-read", "regionId": "cn-shanghai", "location": "oss-cn-shanghai"}})
}
