package exportguard.role.trust_test

import data.exportguard.lib.fixtures
import data.exportguard.role.trust

trust_policy(statements) := fixtures.patched({"role": {"trustPolicy": {"Version": "1", "Statement": statements}}})

allow_ecs := {"Action": ["sts:AssumeRole"], "Effect": "Allow", "Principal": {"Service": ["ecs.aliyuncs.com"]}}

test_default_trust_policy_passes if {
	d := trust.deny with input as fixtures.facts
	print("deny:", d)
	count(d) == 0
}

test_wildcard_action_and_case_pass if {
	count(trust.deny) == 0 with input as trust_policy([object.union(allow_ecs, {"Action": ["sts:*"]})])
	count(trust.deny) == 0 with input as trust_policy([object.union(allow_ecs, {"Action": ["STS:assumerole"]})])
}

test_other_service_fails if {
	d := trust.deny with input as trust_policy([object.union(allow_ecs, {"Principal": {"Service": ["oss.aliyuncs.com"]}})])
	print("deny:", d)
	count(d) == 1
}

test_ram_principal_only_fails if {
	ram_only := object.union(object.remove(allow_ecs, ["Principal"]), {"Principal": {"RAM": ["acs:ram::1234567890123456:root"]}})
	d := trust.deny with input as trust_policy([ram_only])
	print("deny:", d)
	count(d) == 1
}

test_conditional_allow_does_not_count if {
	s := object.union(allow_ecs, {"Condition": {"StringEquals": {"acs:SourceIp": "1.2.3.4"}}})
	count(trust.deny) == 1 with input as trust_policy([s])
}

test_deny_statement_fails_with_its_index if {
	deny_ecs := object.union(allow_ecs, {"Effect": "Deny"})
	d := trust.deny with input as trust_policy([allow_ecs, deny_ecs])
	print("deny:", d)
	count(d) == 1
	some f in d
	contains(f.msg, "Statement[1]")
}

test_empty_or_missing_trust_policy_fails_closed if {
	count(trust.deny) == 1 with input as trust_policy([])
	count(trust.deny) == 1 with input as fixtures.patched({"role": {"trustPolicy": null}})
}

test_missing_role_is_left_to_eg_role_001 if {
	count(trust.deny) == 0 with input as {"role": {"exists": false}}
}
