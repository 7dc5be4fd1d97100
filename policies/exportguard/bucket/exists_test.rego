package exportguard.bucket.exists_test

import data.exportguard.bucket.exists
import data.exportguard.lib.fixtures

test_existing_bucket_passes if {
	count(exists.deny) == 0 with input as fixtures.facts
}

test_missing_bucket_fails if {
	d := exists.deny with input as fixtures.patched({"bucket": {"exists": false}})
	print("deny:", d)
	count(d) == 1
	some f in d
	f.resource == "my-export-bucket"
}

test_no_bucket_area_fails_closed if {
	count(exists.deny) == 1 with input as object.remove(fixtures.facts, ["bucket"])
}
