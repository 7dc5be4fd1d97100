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

# Only the documented Service principal establishes ECS trust; "*" and wildcard services do not.
test_star_and_wildcard_services_do_not_establish_trust if {
	count(trust.deny) == 1 with input as trust_policy([object.union(object.remove(allow_ecs, ["Principal"]), {"Principal": "*"})])
	count(trust.deny) == 1 with input as trust_policy([object.union(object.remove(allow_ecs, ["Principal"]), {"Principal": ["*"]})])
	count(trust.deny) == 1 with input as trust_policy([object.union(allow_ecs, {"Principal": {"Service": ["*"]}})])
	count(trust.deny) == 1 with input as trust_policy([object.union(allow_ecs, {"Principal": {"Service": ["*.aliyuncs.com"]}})])
	count(trust.deny) == 1 with input as trust_policy([object.union(allow_ecs, {"Principal": {"Service": ["ecs.*"]}})])
	count(trust.deny) == 1 with input as trust_policy([object.union(allow_ecs, {"Principal": {"Service": ["ECS.ALIYUNCS.COM"]}})])
}

test_trust_needs_the_documented_effect_spelling_and_version if {
	count(trust.deny) == 1 with input as trust_policy([object.union(allow_ecs, {"Effect": "allow"})])
	role := object.union(object.remove(fixtures.facts.role, ["trustPolicy"]), {"trustPolicy": {"Statement": [allow_ecs]}})
	no_version := object.union(object.remove(fixtures.facts, ["role"]), {"role": role})
	count(trust.deny) == 1 with input as no_version
	lower_principal := object.union(object.remove(allow_ecs, ["Principal"]), {"principal": {"Service": ["ecs.aliyuncs.com"]}})
	count(trust.deny) == 1 with input as trust_policy([lower_principal])
}

test_denies_that_may_cover_ecs_count if {
	deny_all := {"Action": ["sts:AssumeRole"], "Effect": "deny", "Principal": "*"}
	count(trust.deny) == 1 with input as trust_policy([allow_ecs, deny_all])
	deny_services := {"Action": ["sts:*"], "Effect": "Deny", "Principal": {"Service": ["*.aliyuncs.com"]}}
	count(trust.deny) == 1 with input as trust_policy([allow_ecs, deny_services])
	deny_other := {"Action": ["sts:AssumeRole"], "Effect": "Deny", "Principal": {"Service": ["fc.aliyuncs.com"]}}
	count(trust.deny) == 0 with input as trust_policy([allow_ecs, deny_other])
}

test_remediation_names_the_role if {
	f := fixtures.patched({"request": {"roleName": "ExportRoleB"}, "role": {"name": "ExportRoleB", "trustPolicy": {"Version": "1", "Statement": []}}})
	some x in trust.deny with input as f
	startswith(x.remediation, "aliyun ram UpdateRole --RoleName ExportRoleB --NewAssumeRolePolicyDocument '{")
}
