package exportguard.image.name_test

import data.exportguard.image.name
import data.exportguard.lib.fixtures

findings(n) := d if {
	d := name.deny with input as fixtures.patched({"image": {"name": n}})
}

long_name := concat("", [x | some _ in numbers.range(1, 129); x := "a"])

test_good_names_pass if {
	every n in ["web-base", "ab", "Web_base.v1-2", "镜像", "中文image_1", substring(long_name, 0, 128)] {
		d := findings(n)
		print("name", n, "deny:", d)
		count(d) == 0
	}
}

test_length_counts_characters_not_bytes if {
	han_128 := concat("", [x | some _ in numbers.range(1, 128); x := "镜"])
	count(findings(han_128)) == 0
	count(findings(concat("", [han_128, "像"]))) == 1
}

test_bad_names_fail if {
	every n in ["a", "1abc", "_abc", "web base", "web/base", "", null, long_name, "ab:c"] {
		d := findings(n)
		print("name", n, "deny:", d)
		count(d) >= 1
	}
}

test_url_names_fail_with_the_url_reason if {
	d := findings("https://example.com")
	some f in d
	contains(f.msg, "must not start with https://")
}

test_missing_image_is_left_to_eg_image_001 if {
	count(name.deny) == 0 with input as {"image": {"exists": false}}
}
