package exportguard.role.broad_test

import data.exportguard.lib.fixtures
import data.exportguard.role.broad

with_statements(statements) := fixtures.patched({"role": {"attachedPolicies": fixtures.policies(statements)}})

test_export_policy_passes if {
	count(broad.warn) == 0 with input as fixtures.facts
}

test_kms_is_expected if {
	count(broad.warn) == 0 with input as with_statements([{"Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": ["*"]}])
}

test_star_warns if {
	w := broad.warn with input as with_statements([{"Effect": "Allow", "Action": ["*"], "Resource": ["*"]}])
	print("warn:", w)
	count(w) == 1
}

test_not_action_warns if {
	count(broad.warn) == 1 with input as with_statements([{"Effect": "Allow", "NotAction": ["ram:*"], "Resource": ["*"]}])
}

test_other_services_warn_per_action if {
	w := broad.warn with input as with_statements([{"Effect": "Allow", "Action": ["ecs:*", "ram:CreateUser", "oss:GetObject"], "Resource": ["*"]}])
	print("warn:", w)
	count(w) == 2
}

test_oss_star_on_every_bucket_warns if {
	count(broad.warn) == 1 with input as with_statements([{"Effect": "Allow", "Action": ["oss:*"], "Resource": ["*"]}])
	count(broad.warn) == 0 with input as with_statements([{"Effect": "Allow", "Action": ["oss:*"], "Resource": ["acs:oss:*:*:my-export-bucket/*"]}])
}

test_deny_statements_are_not_grants if {
	count(broad.warn) == 0 with input as with_statements([{"Effect": "Deny", "Action": ["*"], "Resource": ["*"]}])
}
