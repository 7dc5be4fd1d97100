package exportguard.role.permissions_test

import data.exportguard.lib.fixtures
import data.exportguard.role.permissions

bucket_arn := "acs:oss:cn-hangzhou:1234567890123456:my-export-bucket"

object_arn := "acs:oss:cn-hangzhou:1234567890123456:my-export-bucket/demo_m-bp1demo0001_system.raw.tar.gz"

# findings_for(policies) evaluates the check with the given attached policies.
findings_for(policies) := d if {
	d := permissions.deny with input as fixtures.patched({"role": {"attachedPolicies": policies}})
}

allow(actions, resources) := {"Effect": "Allow", "Action": actions, "Resource": resources}

named(name, statements) := {"name": name, "type": "Custom", "defaultVersion": "v1", "document": {"Version": "1", "Statement": statements}}

missing_actions(d) := {f.action | some f in d; not f.policy}

denied_actions(d) := {f.action | some f in d; f.policy}

test_system_policy_passes if {
	d := permissions.deny with input as fixtures.facts
	print("deny:", d)
	count(d) == 0
}

test_no_policies_lists_all_eight if {
	d := findings_for([])
	print("deny:", d)
	count(d) == 8
	missing_actions(d) == {a | some a in fixtures.eight_actions}
}

test_missing_attached_policies_fails_closed if {
	d := permissions.deny with input as fixtures.patched({"role": {"attachedPolicies": null}})
	count(d) == 8
}

test_seven_actions_of_older_docs_miss_getbucketinfo if {
	seven := [a | some a in fixtures.eight_actions; a != "oss:GetBucketInfo"]
	d := findings_for([named("Old", [allow(seven, ["*"])])])
	print("deny:", d)
	missing_actions(d) == {"oss:GetBucketInfo"}
	some f in d
	f.resource == bucket_arn
	contains(f.msg, "oss:GetBucketInfo")
}

test_service_wildcard_passes if {
	count(findings_for([named("All", [allow(["oss:*"], ["*"])])])) == 0
	count(findings_for([named("All", [allow(["*"], ["*"])])])) == 0
}

test_action_case_does_not_matter if {
	lowered := [lower(a) | some a in fixtures.eight_actions]
	count(findings_for([named("Lower", [allow(lowered, ["*"])])])) == 0
}

test_question_mark_pattern if {
	d := findings_for([named("Q", [allow(["oss:?etObject", "oss:*Bucket*", "oss:*Multipart*", "oss:ListParts", "oss:PutObject", "oss:DeleteObject"], ["*"])])])
	print("deny:", d)
	count(d) == 0
}

test_bucket_scoped_resources_pass if {
	d := findings_for([named("Scoped", [allow(fixtures.eight_actions, ["acs:oss:*:*:my-export-bucket", "acs:oss:*:*:my-export-bucket/*"])])])
	print("deny:", d)
	count(d) == 0
}

test_object_only_resource_misses_the_bucket_actions if {
	d := findings_for([named("Objects", [allow(fixtures.eight_actions, ["acs:oss:*:*:my-export-bucket/*"])])])
	print("deny:", d)
	missing_actions(d) == {"oss:GetBucketLocation", "oss:GetBucketInfo", "oss:ListMultipartUploads"}
}

test_resources_are_case_sensitive if {
	d := findings_for([named("Case", [allow(fixtures.eight_actions, ["acs:oss:*:*:My-Export-Bucket", "acs:oss:*:*:My-Export-Bucket/*"])])])
	count(d) == 8
}

test_prefix_scoped_object_resource if {
	ok := findings_for([named("P", [allow(fixtures.eight_actions, ["acs:oss:*:*:my-export-bucket", "acs:oss:*:*:my-export-bucket/demo*"])])])
	count(ok) == 0
	other := findings_for([named("P", [allow(fixtures.eight_actions, ["acs:oss:*:*:my-export-bucket", "acs:oss:*:*:my-export-bucket/other/*"])])])
	missing_actions(other) == {"oss:GetObject", "oss:PutObject", "oss:DeleteObject", "oss:AbortMultipartUpload", "oss:ListParts"}
}

test_other_account_or_region_in_resource_fails if {
	count(findings_for([named("A", [allow(fixtures.eight_actions, ["acs:oss:*:999:my-export-bucket", "acs:oss:*:999:my-export-bucket/*"])])])) == 8
	count(findings_for([named("R", [allow(fixtures.eight_actions, ["acs:oss:cn-beijing:*:my-export-bucket", "acs:oss:cn-beijing:*:my-export-bucket/*"])])])) == 8
}

test_not_action_allow_grants_the_rest if {
	d := findings_for([named("NotAction", [{"Effect": "Allow", "NotAction": ["oss:DeleteObject"], "Resource": ["*"]}])])
	print("deny:", d)
	missing_actions(d) == {"oss:DeleteObject"}
}

test_not_resource_allow if {
	ok := findings_for([named("NR", [{"Effect": "Allow", "Action": ["oss:*"], "NotResource": ["acs:oss:*:*:secret-bucket*"]}])])
	count(ok) == 0
	bad := findings_for([named("NR", [{"Effect": "Allow", "Action": ["oss:*"], "NotResource": ["acs:oss:*:*:my-export-bucket/*"]}])])
	count(bad) == 5
}

test_deny_in_a_second_policy_wins_and_is_named if {
	guard := named("Guard", [
		{"Effect": "Allow", "Action": ["ecs:Describe*"], "Resource": ["*"]},
		{"Effect": "Deny", "Action": ["oss:Delete*"], "Resource": ["*"]},
	])
	d := findings_for([fixtures.export_policy, guard])
	print("deny:", d)
	count(d) == 1
	some f in d
	f.action == "oss:DeleteObject"
	f.policy == "Guard"
	f.statement == 1
	f.resource == object_arn
	contains(f.msg, "policy \"Guard\" Statement[1]")
}

test_deny_with_not_action_denies_everything_else if {
	guard := named("Guard", [{"Effect": "Deny", "NotAction": ["oss:Get*"], "Resource": ["*"]}])
	d := findings_for([fixtures.export_policy, guard])
	denied_actions(d) == {"oss:PutObject", "oss:DeleteObject", "oss:AbortMultipartUpload", "oss:ListMultipartUploads", "oss:ListParts"}
}

test_deny_with_a_condition_still_denies if {
	guard := named("Guard", [{"Effect": "Deny", "Action": ["oss:PutObject"], "Resource": ["*"], "Condition": {"IpAddress": {"acs:SourceIp": "10.0.0.0/8"}}}])
	d := findings_for([fixtures.export_policy, guard])
	denied_actions(d) == {"oss:PutObject"}
}

test_allow_with_a_condition_does_not_grant_and_is_reported if {
	conditional := object.union(allow(fixtures.eight_actions, ["*"]), {"Condition": {"Bool": {"acs:SecureTransport": "true"}}})
	d := findings_for([named("Cond", [conditional])])
	print("deny:", d)
	count(d) == 8
	every f in d {
		contains(f.msg, "only under a Condition")
	}
}

test_deny_on_another_bucket_does_not_matter if {
	guard := named("Guard", [{"Effect": "Deny", "Action": ["oss:*"], "Resource": ["acs:oss:*:*:other-bucket", "acs:oss:*:*:other-bucket/*"]}])
	count(findings_for([fixtures.export_policy, guard])) == 0
}

test_permissions_spread_over_policies if {
	d := findings_for([
		named("Read", [allow(["oss:Get*", "oss:List*"], ["*"])]),
		named("Write", [allow(["oss:PutObject", "oss:DeleteObject", "oss:AbortMultipartUpload"], ["*"])]),
	])
	count(d) == 0
}

test_format_changes_the_object_arn if {
	d := permissions.deny with input as fixtures.patched({
		"request": {"imageFormat": "qcow2", "ossPrefix": null},
		"role": {"attachedPolicies": []},
	})
	some f in d
	f.action == "oss:PutObject"
	f.resource == "acs:oss:cn-hangzhou:1234567890123456:my-export-bucket/m-bp1demo0001_system.qcow2"
}

test_unknown_account_fails_closed if {
	d := permissions.deny with input as fixtures.patched({"role": {"arn": null, "accountId": null}})
	print("deny:", d)
	count(d) == 1
}

test_missing_role_is_left_to_eg_role_001 if {
	count(permissions.deny) == 0 with input as fixtures.patched({"role": {"exists": false, "attachedPolicies": []}})
}
