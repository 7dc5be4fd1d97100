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

test_anyone_warns if {
	count(trust_scope.warn) == 1 with input as trust("*")
	count(trust_scope.warn) == 1 with input as trust({"Federated": ["acs:ram::1:saml-provider/idp"]})
}

test_deny_statements_are_not_trust if {
	w := trust_scope.warn with input as fixtures.patched({"role": {"trustPolicy": {"Statement": [
		{"Action": ["sts:AssumeRole"], "Effect": "Allow", "Principal": {"Service": ["ecs.aliyuncs.com"]}},
		{"Action": ["sts:AssumeRole"], "Effect": "Deny", "Principal": {"RAM": ["*"]}},
	]}}})
	count(w) == 0
}
