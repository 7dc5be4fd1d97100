package exportguard.role.anyone_test

import data.exportguard.lib.fixtures
import data.exportguard.role.anyone

trust(statement) := fixtures.patched({"role": {"trustPolicy": {"Version": "1", "Statement": [
	{"Action": ["sts:AssumeRole"], "Effect": "Allow", "Principal": {"Service": ["ecs.aliyuncs.com"]}},
	statement,
]}}})

assume(principal) := {"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": principal}

test_ecs_only_passes if {
	count(anyone.deny) == 0 with input as fixtures.facts
}

test_anyone_can_assume_is_a_failure if {
	count(anyone.deny) == 1 with input as trust(assume("*"))
	count(anyone.deny) == 1 with input as trust(assume(["*"]))
	count(anyone.deny) == 1 with input as trust(assume([]))
	count(anyone.deny) == 1 with input as trust(assume({"RAM": ["*"]}))
	count(anyone.deny) == 1 with input as trust(assume({"RAM": ["acs:ram::*:root"]}))
	count(anyone.deny) == 1 with input as trust(assume({"Service": ["*"]}))
	count(anyone.deny) == 1 with input as trust(assume({"Federated": ["acs:ram::*:saml-provider/*"]}))
	count(anyone.deny) == 1 with input as trust({"Action": "sts:AssumeRole", "Effect": "Allow"})
	count(anyone.deny) == 1 with input as trust({"Action": "sts:AssumeRole", "Effect": "Allow", "NotPrincipal": {"RAM": ["acs:ram::1:root"]}})
	count(anyone.deny) == 1 with input as trust({"Action": "sts:AssumeRole", "Effect": "allow", "Principal": "*"})
}

test_named_principals_are_not_anyone if {
	count(anyone.deny) == 0 with input as trust(assume({"RAM": ["acs:ram::2222222222222222:root"]}))
	count(anyone.deny) == 0 with input as trust(assume({"Service": ["*.aliyuncs.com"]}))
	count(anyone.deny) == 0 with input as trust({"Action": "sts:AssumeRole", "Effect": "Deny", "Principal": "*"})
	count(anyone.deny) == 0 with input as trust({"Action": "ecs:*", "Effect": "Allow", "Principal": "*"})
}

test_a_condition_is_named_not_evaluated if {
	some f in anyone.deny with input as trust(object.union(assume("*"), {"Condition": {"IpAddress": {"acs:SourceIp": "10.0.0.0/8"}}}))
	contains(f.msg, "under a Condition")
	contains(f.remediation, "--RoleName AliyunECSImageExportDefaultRole")
}
