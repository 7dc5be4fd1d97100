package exportguard.ram.exporters_test

import data.exportguard.lib.audit_fixtures
import data.exportguard.ram.exporters

exporter := audit_fixtures.principal("user", "bob", [audit_fixtures.policy("ImageExporter", [audit_fixtures.allow(["ecs:ExportImage"], ["*"])])], [])

test_a_reader_cannot_export if {
	count(exporters.warn) == 0 with input as audit_fixtures.reader
}

test_a_direct_grant_warns_with_the_statement_and_the_fix if {
	w := exporters.warn with input as exporter
	print("warn:", w)
	count(w) == 1
	some f in w
	contains(f.msg, "user bob may export images")
	contains(f.msg, `policy "ImageExporter" Statement[0]`)
	contains(f.remediation, "aliyun ram DetachPolicyFromUser --PolicyType Custom --PolicyName ImageExporter --UserName bob")
}

test_a_groups_administrator_access_counts if {
	admin := audit_fixtures.principal("user", "cy", [], [{"name": "admins", "attachedPolicies": [
		{"name": "AdministratorAccess", "type": "System", "document": {"Version": "1", "Statement": [audit_fixtures.allow("*", "*")]}},
	]}])
	w := exporters.warn with input as admin
	some f in w
	contains(f.msg, `policy "group admins: AdministratorAccess"`)
	contains(f.remediation, "DetachPolicyFromGroup --PolicyType System --PolicyName AdministratorAccess --GroupName admins")
}

test_a_certain_deny_takes_it_away if {
	denied := audit_fixtures.principal("user", "dee", [audit_fixtures.policy("Ops", [
		audit_fixtures.allow(["ecs:*"], ["*"]), audit_fixtures.deny(["ecs:ExportImage"], ["*"]),
	])], [])
	count(exporters.warn) == 0 with input as denied
}

test_a_deny_under_a_condition_does_not if {
	conditional := audit_fixtures.principal("user", "eve", [audit_fixtures.policy("Ops", [
		audit_fixtures.allow(["ecs:*"], ["*"]),
		object.union(audit_fixtures.deny(["ecs:ExportImage"], ["*"]), {"Condition": {"Bool": {"acs:MFAPresent": "false"}}}),
	])], [])
	count(exporters.warn) == 1 with input as conditional
}

test_an_allow_under_a_condition_still_counts if {
	conditional := audit_fixtures.principal("role", "ci", [audit_fixtures.policy("Ci", [
		object.union(audit_fixtures.allow(["ecs:ExportImage"], ["*"]), {"Condition": {"IpAddress": {"acs:SourceIp": "10.0.0.0/8"}}}),
	])], [])
	count(exporters.warn) == 1 with input as conditional
}

test_an_allow_on_other_resources_does_not_count if {
	other := audit_fixtures.principal("user", "fay", [audit_fixtures.policy("Oss", [audit_fixtures.allow(["*"], ["acs:oss:*:*:*"])])], [])
	count(exporters.warn) == 0 with input as other
}

test_with_an_allowlist_the_listed_pass_and_the_others_fail if {
	count(exporters.deny) == 0 with input as exporter with data.exportguard.config.allowedExporters as ["user/b*"]
	count(exporters.warn) == 0 with input as exporter with data.exportguard.config.allowedExporters as ["user/b*"]
	d := exporters.deny with input as exporter with data.exportguard.config.allowedExporters as ["role/ci"]
	some f in d
	contains(f.msg, "is not in allowedExporters")
}
