package exportguard.lib.patterns_test

import data.exportguard.lib.patterns

test_star_matches_any_run_including_empty if {
	patterns.wildcard_match("*", "")
	patterns.wildcard_match("*", "acs:oss:*:*:b/x")
	patterns.wildcard_match("oss:Get*", "oss:Get")
	patterns.wildcard_match("oss:Get*", "oss:GetObject")
	patterns.wildcard_match("acs:oss:*:*:my-bucket/*", "acs:oss:cn-hangzhou:123:my-bucket/p_m-1_system.raw.tar.gz")
	patterns.wildcard_match("a*b*c", "aXXbYYc")
}

test_question_mark_matches_exactly_one if {
	patterns.wildcard_match("oss:?etObject", "oss:GetObject")
	not patterns.wildcard_match("oss:?etObject", "oss:etObject")
	not patterns.wildcard_match("oss:?etObject", "oss:GGetObject")
}

test_everything_else_is_literal if {
	not patterns.wildcard_match("a.c", "abc")
	patterns.wildcard_match("a.c", "a.c")
	patterns.wildcard_match("b[1]+(x)|y$", "b[1]+(x)|y$")
	not patterns.wildcard_match("b[1]", "b1")
	patterns.wildcard_match("a\\Eb", "a\\Eb")
}

test_patterns_are_anchored if {
	not patterns.wildcard_match("my-bucket", "acs:oss:*:*:my-bucket")
	not patterns.wildcard_match("acs:oss:*:*:my-bucket", "acs:oss:*:*:my-bucket/x")
	not patterns.wildcard_match("oss:GetObject", "oss:GetObjectAcl")
}

test_pattern_direction_is_pattern_against_concrete if {
	not patterns.wildcard_match("acs:oss:cn-hangzhou:123:b", "acs:oss:*:*:b")
}

test_resources_are_case_sensitive_actions_are_not if {
	not patterns.wildcard_match("acs:oss:*:*:My-Bucket", "acs:oss:*:*:my-bucket")
	patterns.action_pattern_match("oss:getobject", "oss:GetObject")
	patterns.action_pattern_match("OSS:GET*", "oss:GetObject")
}

# --- templates --------------------------------------------------------------------------------

objects := ["acs:oss:", patterns.hole("region"), ":123:b/exports", patterns.hole("object")]

bucket := ["acs:oss:", patterns.hole("region"), ":123:b"]

test_must_match_needs_every_region_and_every_object_name if {
	patterns.must_match("*", objects)
	patterns.must_match("acs:oss:*:*:b/*", objects)
	patterns.must_match("acs:oss:*:123:b/exports*", objects)
	patterns.must_match("acs:oss:*:*:b*", bucket)
	not patterns.must_match("acs:oss:cn-hangzhou:*:b/*", objects)
	not patterns.must_match("acs:oss:oss-cn-hangzhou:*:b/*", objects)
	not patterns.must_match("acs:oss:*:*:b/exports_*", objects)
	not patterns.must_match("acs:oss:*:*:b/exports?*", bucket)
	not patterns.must_match("acs:oss:*:*:b/exports/*", objects)
	not patterns.must_match("acs:oss:*:*:b/exports*.raw.tar.gz", objects)
	not patterns.must_match("acs:oss:*:999:b/*", objects)
	not patterns.must_match("acs:oss:*:*:b", objects)
	not patterns.must_match("acs:oss:?:*:b/*", objects)
}

test_may_match_needs_some_region_or_object_name if {
	patterns.may_match("acs:oss:cn-hangzhou:*:b/*", objects)
	patterns.may_match("acs:oss:oss-cn-shanghai:123:b/exports*", objects)
	patterns.may_match("acs:oss:*:*:b/exports_m-1_data-xvdb.raw.tar.gz", objects)
	not patterns.may_match("acs:oss:*:*:b/exports/*", objects)
	not patterns.may_match("acs:oss:*:*:b/exports:x", objects)
	patterns.may_match("*", bucket)
	not patterns.may_match("acs:oss:*:*:b/other*", objects)
	not patterns.may_match("acs:oss:*:999:b/*", objects)
	not patterns.may_match("acs:oss:*:*:b/*", bucket)
	not patterns.may_match("acs:oss:*:*:b", objects)
	not patterns.may_match("acs:oss:*:*:b.x", bucket)
}

test_may_match_keeps_glob_metacharacters_literal if {
	patterns.may_match("a.b+c[d]-e", ["a.b+c[d]-e"])
	not patterns.may_match("a.b", ["axb"])
	not patterns.may_match("ab", ["a*b"])
	patterns.may_match("a*b", ["a*b"])
	patterns.may_match("a?b", ["a", patterns.hole("x"), "b"])
}

test_may_match_ci_ignores_case if {
	patterns.may_match_ci("ARN:STS::123:ASSUMED-ROLE/Role/*", ["arn:sts::123:assumed-role/role/", patterns.hole("s")])
	not patterns.may_match("ARN:STS::123:ASSUMED-ROLE/Role/*", ["arn:sts::123:assumed-role/role/", patterns.hole("s")])
}

test_show_renders_holes_as_stars if {
	patterns.show(objects) == "acs:oss:*:123:b/exports*"
}
