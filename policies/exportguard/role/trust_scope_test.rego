package exportguard.role.trust_scope_test

import data.exportguard.lib.fixtures
import data.exportguard.role.trust_scope

trust(principal) := fixtures.patched({"role": {"trustPolicy": {"Version": "1", "Statement": [
	{"Action": ["sts:AssumeRole"], "Effect": "Allow", "Principal": principal},
]}}})

test_ecs_only_passes if {
	count(trust_scope.warn) == 0 with input as fixtures.facts
}

test_extra_principals_warn_one_each if {
	w := trust_scope.warn with input as trust({"Service": ["ecs.aliyuncs.com", "fc.aliyuncs.com"], "RAM": ["acs:ram::1234567890123456:root"]})
	print("warn:", w)
	count(w) == 2
}

test_other_accounts_and_providers_warn if {
	count(trust_scope.warn) == 1 with input as trust({"Federated": ["acs:ram::1:saml-provider/idp"]})
	count(trust_scope.warn) == 1 with input as trust({"Service": ["*.aliyuncs.com"]})
}

# Principals that let any account assume the role are EG-ROLE-006's (critical), not a warning here.
test_anyone_is_left_to_eg_role_006 if {
	count(trust_scope.warn) == 0 with input as trust("*")
	count(trust_scope.warn) == 0 with input as trust({"RAM": ["acs:ram::*:root"]})
}

test_deny_statements_are_not_trust if {
	w := trust_scope.warn with input as fixtures.patched({"role": {"trustPolicy": {"Statement": [
		{"Action": ["sts:AssumeRole"], "Effect": "Allow", "Principal": {"Service": ["ecs.aliyuncs.com"]}},
		{"Action": ["sts:AssumeRole"], "Effect": "Deny", "Principal": {"RAM": ["*"]}},
	]}}})
	count(w) == 0
}
