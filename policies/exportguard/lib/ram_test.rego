package exportguard.lib.ram_test

import data.exportguard.lib.patterns
import data.exportguard.lib.ram

objects := ["acs:oss:", patterns.hole("region"), ":1:b/p", patterns.hole("object")]

doc(statements) := {"Version": "1", "Statement": statements}

entry(statement) := ram.statements_of("p", doc([statement]))[0]

# --- statements ------------------------------------------------------------------------------

policies := [
	{"name": "Grant", "document": doc([
		{"Effect": "Allow", "Action": ["oss:Get*", "oss:PutObject"], "Resource": ["*"]},
		{"Effect": "Allow", "Action": ["oss:DeleteObject"], "Resource": ["*"], "Condition": {"Bool": {"acs:SecureTransport": "true"}}},
	])},
	{"name": "Guard", "document": doc([{"Effect": "Deny", "Action": ["oss:PutObject"], "Resource": ["acs:oss:*:*:b/*"]}])},
	{"name": "Empty", "document": null},
]

test_statements_flatten_with_policy_and_index if {
	entries := ram.statements(policies)
	count(entries) == 3
	entries[1].policy == "Grant"
	entries[1].index == 1
	entries[2].policy == "Guard"
	entries[2].index == 0
}

test_single_statement_object_is_read_as_a_list if {
	count(ram.statements_of("trust", {"Statement": {"Effect": "Allow", "Action": "sts:AssumeRole"}})) == 1
}

test_allow_deny_and_conditional if {
	entries := ram.statements(policies)
	ram.allowed_by(entries, "oss:GetObject", objects) == {{"policy": "Grant", "statement": 0}}
	ram.allowed_by(entries, "oss:DeleteObject", objects) == set()
	ram.denied_by(entries, "oss:PutObject", objects) == {{"policy": "Guard", "statement": 0}}
	ram.denied_by(entries, "oss:PutObject", ["acs:oss:", patterns.hole("r"), ":1:other/k"]) == set()
	some [r, why] in ram.not_counted_by(entries, "oss:DeleteObject", objects)
	r == {"policy": "Grant", "statement": 1}
	contains(why, "Condition")
}

# --- Version and element spelling --------------------------------------------------------------

test_only_version_1_documents_grant if {
	grant := {"Effect": "Allow", "Action": ["oss:*"], "Resource": ["*"]}
	ram.grants(ram.statements_of("p", {"Version": "1", "Statement": [grant]})[0])
	not ram.grants(ram.statements_of("p", {"Version": "2012-10-17", "Statement": [grant]})[0])
	not ram.grants(ram.statements_of("p", {"Statement": [grant]})[0])
	not ram.grants(ram.statements_of("p", {"Version": 1, "Statement": [grant]})[0])
	not ram.grants(ram.statements_of("p", {"Version": "1", "statement": [grant]})[0])
}

test_denies_count_in_any_document if {
	deny := {"Effect": "Deny", "Action": ["oss:*"], "Resource": ["*"]}
	count(ram.denied_by(ram.statements_of("p", {"Version": "2012-10-17", "Statement": [deny]}), "oss:GetObject", objects)) == 1
	count(ram.denied_by(ram.statements_of("p", {"statement": [deny]}), "oss:GetObject", objects)) == 1
}

test_effect_is_compared_exactly if {
	ram.grants(entry({"Effect": "Allow", "Action": "oss:*", "Resource": "*"}))
	not ram.grants(entry({"Effect": "allow", "Action": "oss:*", "Resource": "*"}))
	not ram.grants(entry({"Effect": "ALLOW", "Action": "oss:*", "Resource": "*"}))
	not ram.may_deny(entry({"Effect": "Allow"}))
	not ram.may_deny(entry({"Effect": "allow"}))
	ram.may_deny(entry({"Effect": "Deny"}))
	ram.may_deny(entry({"Effect": "deny"}))
	ram.may_deny(entry({"Effect": "DENY"}))
	ram.may_deny(entry({"Effect": "Refuse"}))
	ram.may_deny(entry({"Effect": ["Deny"]}))
	ram.may_deny(entry({"Action": "oss:*"}))
	ram.undocumented_effect(entry({"Effect": "allow"})) == "allow"
}

test_misspelled_elements_never_grant_but_still_deny if {
	not ram.grants(entry({"effect": "Allow", "Action": "oss:*", "Resource": "*"}))
	not ram.grants(entry({"Effect": "Allow", "EFFECT": "Deny", "Action": "oss:*", "Resource": "*"}))
	e := entry({"Effect": "Allow", "action": ["oss:*"], "Resource": ["*"]})
	ram.allowed_by([e], "oss:GetObject", objects) == set()
	d := entry({"effect": "Deny", "action": ["oss:GetObject"], "resource": ["*"]})
	ram.denied_by([d], "oss:GetObject", objects) == {{"policy": "p", "statement": 0}}
	ram.denied_by([d], "oss:PutObject", objects) == set()
}

test_a_condition_stops_a_grant_under_any_spelling if {
	not ram.grants(entry({"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Condition": {"IpAddress": {"acs:SourceIp": "10.0.0.0/8"}}}))
	not ram.grants(entry({"Effect": "Allow", "Action": "oss:*", "Resource": "*", "condition": {"Bool": {"acs:SecureTransport": "true"}}}))
	ram.grants(entry({"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Condition": {}}))
}

test_a_deny_with_a_condition_counts if {
	d := entry({"Effect": "Deny", "Action": "oss:*", "Resource": "*", "Condition": {"IpAddress": {"acs:SourceIp": "10.0.0.0/8"}}})
	count(ram.denied_by([d], "oss:PutObject", objects)) == 1
}

# --- Action / NotAction -------------------------------------------------------------------------

test_action_and_notaction if {
	ram.action_covers({"Action": ["oss:Get*"]}, "oss:GetObject")
	not ram.action_covers({"Action": ["oss:Get*"]}, "oss:PutObject")
	ram.action_covers({"Action": "oss:PutObject"}, "oss:PutObject")
	ram.action_covers({"NotAction": ["oss:Delete*"]}, "oss:PutObject")
	not ram.action_covers({"NotAction": ["oss:delete*"]}, "oss:DeleteObject")
	not ram.action_covers({}, "oss:PutObject")
	not ram.action_covers({"Action": ["oss:*"], "NotAction": ["oss:Delete*"]}, "oss:PutObject")
}

test_deny_actions_fail_closed if {
	ram.action_may_cover({}, "oss:PutObject")
	ram.action_may_cover({"NotAction": ["oss:Get*"]}, "oss:PutObject")
	not ram.action_may_cover({"NotAction": ["oss:Put*"]}, "oss:PutObject")
	ram.action_may_cover({"ACTION": ["oss:put*"]}, "oss:PutObject")
}

# --- Resource / NotResource ---------------------------------------------------------------------

test_allow_resources_must_cover_every_value if {
	ram.resource_covers({"Resource": ["acs:oss:*:*:b/*"]}, objects)
	ram.resource_covers({"Resource": ["acs:oss:*:*:b/p*"]}, objects)
	not ram.resource_covers({"Resource": ["acs:oss:cn-hangzhou:*:b/*"]}, objects)
	not ram.resource_covers({"Resource": ["acs:oss:*:*:b/p_*"]}, objects)
	not ram.resource_covers({"NotResource": ["acs:oss:*:*:secret/*"]}, objects)
	not ram.resource_covers({}, objects)
}

test_deny_resources_may_cover_some_value if {
	ram.resource_may_cover({"Resource": ["acs:oss:cn-shanghai:*:b/*"]}, objects)
	ram.resource_may_cover({"Resource": ["acs:oss:*:*:b/p_m-1_data-xvdb.raw.tar.gz"]}, objects)
	not ram.resource_may_cover({"Resource": ["acs:oss:*:*:b/q*"]}, objects)
	ram.resource_may_cover({}, objects)
	ram.resource_may_cover({"NotResource": ["acs:oss:*:*:secret/*"]}, objects)
	not ram.resource_may_cover({"NotResource": ["acs:oss:*:*:b/*"]}, objects)
}

test_conditions if {
	ram.has_condition({"Condition": {"IpAddress": {"acs:SourceIp": "10.0.0.0/8"}}})
	not ram.has_condition({"Condition": {}})
	not ram.has_condition({"Condition": null})
	not ram.has_condition({})
}

test_describe if {
	ram.describe({"policy": "P", "statement": 2}) == "policy \"P\" Statement[2]"
}

# --- principals ------------------------------------------------------------------------------

test_principal_entries_forms if {
	ram.principal_entries({"Principal": "*"}) == [{"kind": "Any", "value": "*"}]
	ram.principal_entries({"Principal": ["1", "2"]}) == [{"kind": "Any", "value": "1"}, {"kind": "Any", "value": "2"}]
	ram.principal_entries({"Principal": []}) == [{"kind": "Any", "value": "*"}]
	ram.principal_entries({"Principal": {"Service": ["ecs.aliyuncs.com"], "RAM": "acs:ram::1:root"}}) == [
		{"kind": "RAM", "value": "acs:ram::1:root"},
		{"kind": "Service", "value": "ecs.aliyuncs.com"},
	]
	ram.principal_entries({"principal": ["*"]}) == [{"kind": "Any", "value": "*"}]
}

test_documented_principals_only_under_the_documented_spelling if {
	ram.documented_principal_entries({"Principal": ["*"]}) == [{"kind": "Any", "value": "*"}]
	not ram.documented_principal_entries({"principal": ["*"]})
	not ram.documented_principal_entries({"Principal": ["*"], "NotPrincipal": ["1"]})
}

test_unbounded_principals if {
	ram.principal_unbounded({})
	ram.principal_unbounded({"NotPrincipal": ["1"]})
	not ram.principal_unbounded({"Principal": []})
}

test_any_account if {
	ram.any_account("*")
	ram.any_account("arn:sts::*:*/*/*")
	ram.any_account("arn:sts::*:assumed-role/myrole/*")
	ram.any_account("ARN:STS::*:assumed-role/x/y")
	ram.any_account("acs:ram::*:root")
	not ram.any_account("arn:sts::1?*:*")
	not ram.any_account("arn:sts::1234567890123456:assumed-role/*/*")
	not ram.any_account("acs:ram::1234567890123456:root")
	not ram.any_account("1234567890123456")
}

test_admits_anyone if {
	ram.admits_anyone({"kind": "Any", "value": "*"})
	ram.admits_anyone({"kind": "RAM", "value": "acs:ram::*:root"})
	ram.admits_anyone({"kind": "Service", "value": "*"})
	not ram.admits_anyone({"kind": "Service", "value": "*.aliyuncs.com"})
	not ram.admits_anyone({"kind": "RAM", "value": "acs:ram::1234567890123456:root"})
}

test_two_spellings_of_effect_give_one_answer if {
	e := entry({"effect": "allow", "EFFECT": "Deny"})
	ram.undocumented_effect(e) == "allow"
	ram.may_deny(e)
	not ram.grants(e)
}
