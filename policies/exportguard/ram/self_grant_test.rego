package exportguard.ram.self_grant_test

import data.exportguard.lib.audit_fixtures
import data.exportguard.ram.self_grant

self_service := audit_fixtures.principal("user", "gus", [audit_fixtures.policy("SelfServiceRam", [audit_fixtures.allow(["ram:AttachPolicyToUser"], ["*"])])], [])

test_a_reader_cannot_grant_itself_anything if {
	count(self_grant.warn) == 0 with input as audit_fixtures.reader
}

test_attaching_to_any_user_includes_itself if {
	w := self_grant.warn with input as self_service
	print("warn:", w)
	count(w) == 1
	some f in w
	contains(f.msg, "user gus may attach policies to user gus")
	contains(f.msg, "AliyunECSImageExportRolePolicy")
	contains(f.remediation, "DetachPolicyFromUser --PolicyType Custom --PolicyName SelfServiceRam --UserName gus")
}

test_attaching_only_to_other_users_passes if {
	others := audit_fixtures.principal("user", "gus", [audit_fixtures.policy("Helpdesk", [
		audit_fixtures.allow(["ram:AttachPolicyToUser"], ["acs:ram:*:5550001112223334:user/intern-*"]),
	])], [])
	count(self_grant.warn) == 0 with input as others
}

test_a_user_may_grant_its_group if {
	member := audit_fixtures.principal("user", "hal", [audit_fixtures.policy("GroupAdmin", [
		audit_fixtures.allow(["ram:AttachPolicyToGroup"], ["acs:ram::5550001112223334:group/dev"]),
	])], [{"name": "dev", "attachedPolicies": []}])
	w := self_grant.warn with input as member
	some f in w
	contains(f.msg, "may attach policies to group dev")
}

test_a_role_may_grant_itself if {
	role := audit_fixtures.principal("role", "deployer", [audit_fixtures.policy("RamFull", [audit_fixtures.allow(["ram:*"], ["*"])])], [])
	w := self_grant.warn with input as role
	some f in w
	f.action == "ram:AttachPolicyToRole"
}

test_with_an_allowlist_others_fail if {
	count(self_grant.deny) == 1 with input as self_service with data.exportguard.config.allowedExporters as ["user/admin"]
	count(self_grant.deny) == 0 with input as self_service with data.exportguard.config.allowedExporters as ["user/gus"]
}
