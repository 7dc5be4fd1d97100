package exportguard.req.bucket_name_test

import data.exportguard.lib.fixtures
import data.exportguard.req.bucket_name

findings(b) := f if {
	f := bucket_name.deny with input as fixtures.patched({"request": {"ossBucket": b}})
}

test_valid_names_pass if {
	every b in ["my-export-bucket", "abc", "a1-2b", "0-0", "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij123"] {
		count(findings(b)) == 0
	}
}

test_invalid_names_fail if {
	every b in ["ab", "My-Bucket", "-bucket", "bucket-", "my_bucket", "my.bucket", "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij1234"] {
		d := findings(b)
		print("bucket", b, "deny:", d)
		count(d) == 1
	}
}

test_missing_bucket_is_left_to_eg_req_001 if {
	count(bucket_name.deny) == 0 with input as {"request": {}}
}
