package exportguard.req.prefix_test

import data.exportguard.lib.fixtures
import data.exportguard.req.prefix

findings(p) := f if {
	f := prefix.deny with input as fixtures.patched({"request": {"ossPrefix": p}})
}

test_good_prefixes_pass if {
	every p in ["demo", "A1", "abcdefghij0123456789ABCDEFGHIJ", null] {
		count(findings(p)) == 0
	}
}

test_missing_prefix_passes if {
	f := prefix.deny with input as {"request": {"regionId": "cn-hangzhou"}}
	count(f) == 0
}

test_malformed_prefixes_fail if {
	every p in ["", "a/b", "my-prefix", "under_score", "abcdefghij0123456789ABCDEFGHIJK", "前缀", 42] {
		f := findings(p)
		print("prefix", p, "deny:", f)
		count(f) == 1
	}
}

test_finding_names_the_parameter_and_code if {
	some f in findings("a/b")
	f.resource == "OSSPrefix"
	contains(f.msg, "InvalidOSSPrefix.Malformed")
}
