package exportguard.role.permissions_test

import data.exportguard.lib.fixtures
import data.exportguard.role.permissions

# The resources as findings show them: the region is unknown ('*'), and so is every object name
# under the prefix.
bucket_arn := "acs:oss:*:1234567890123456:my-export-bucket"

object_arn := "acs:oss:*:1234567890123456:my-export-bucket/demo*"

object_actions := {"oss:GetObject", "oss:PutObject", "oss:DeleteObject", "oss:AbortMultipartUpload", "oss:ListParts"}

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

# RAM documents Resource, not NotResource: an Allow with NotResource is not a certain grant.
test_not_resource_allow_does_not_grant if {
	d := findings_for([named("NR", [{"Effect": "Allow", "Action": ["oss:*"], "NotResource": ["acs:oss:*:*:secret-bucket*"]}])])
	count(d) == 8
	some f in d
	contains(f.msg, "NotResource is not documented")
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
		contains(f.msg, "policy \"Cond\" Statement[0] is not counted: it carries a Condition")
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

test_without_a_prefix_every_object_of_the_bucket_counts if {
	f := fixtures.patched({"request": {"imageFormat": "qcow2", "ossPrefix": null}, "role": {"attachedPolicies": []}})
	d := permissions.deny with input as f
	some x in d
	x.action == "oss:PutObject"
	x.resource == "acs:oss:*:1234567890123456:my-export-bucket/*"
	scoped := [named("P", [allow(fixtures.eight_actions, ["acs:oss:*:*:my-export-bucket", "acs:oss:*:*:my-export-bucket/m-bp1demo0001*"])])]
	missing_actions(permissions.deny) == object_actions with input as fixtures.patched({"request": {"ossPrefix": null}, "role": {"attachedPolicies": scoped}})
}

test_unknown_account_fails_closed if {
	d := permissions.deny with input as fixtures.patched({"role": {"arn": null, "accountId": null}})
	print("deny:", d)
	count(d) == 1
}

test_missing_role_is_left_to_eg_role_001 if {
	count(permissions.deny) == 0 with input as fixtures.patched({"role": {"exists": false, "attachedPolicies": []}})
}

# --- every object the export writes (one per disk; names not documented) -------------------------

test_allows_must_cover_every_object_under_the_prefix if {
	system_only := [named("Sys", [allow(fixtures.eight_actions, ["acs:oss:*:*:my-export-bucket", "acs:oss:*:*:my-export-bucket/demo_m-bp1demo0001_system*"])])]
	missing_actions(findings_for(system_only)) == object_actions
	underscore := [named("U", [allow(fixtures.eight_actions, ["acs:oss:*:*:my-export-bucket", "acs:oss:*:*:my-export-bucket/demo_*"])])]
	missing_actions(findings_for(underscore)) == object_actions
	raw_only := [named("R", [allow(fixtures.eight_actions, ["acs:oss:*:*:my-export-bucket", "acs:oss:*:*:my-export-bucket/demo*.raw.tar.gz"])])]
	missing_actions(findings_for(raw_only)) == object_actions
}

test_a_deny_on_any_object_the_export_may_write_counts if {
	data_disk := named("Guard", [{"Effect": "Deny", "Action": ["oss:PutObject"], "Resource": ["acs:oss:*:*:my-export-bucket/demo_m-bp1demo0001_data-xvdb.raw.tar.gz"]}])
	denied_actions(findings_for([fixtures.export_policy, data_disk])) == {"oss:PutObject"}
	elsewhere := named("Guard", [{"Effect": "Deny", "Action": ["oss:*"], "Resource": ["acs:oss:*:*:my-export-bucket/logs/*", "acs:oss:*:*:my-export-bucket/other*"]}])
	count(findings_for([fixtures.export_policy, elsewhere])) == 0
}

# --- the region field: only '*' is documented ----------------------------------------------------

region_allow(r) := [named("R", [allow(fixtures.eight_actions, [sprintf("acs:oss:%s:*:my-export-bucket", [r]), sprintf("acs:oss:%s:*:my-export-bucket/*", [r])])])]

region_deny(r) := named("Guard", [{"Effect": "Deny", "Action": ["oss:PutObject"], "Resource": [sprintf("acs:oss:%s:*:my-export-bucket/*", [r])]}])

test_an_allow_scoped_to_a_region_string_is_not_a_documented_grant if {
	count(findings_for(region_allow("cn-hangzhou"))) == 8
	count(findings_for(region_allow("oss-cn-hangzhou"))) == 8
	count(findings_for(region_allow("cn-*"))) == 8
	count(findings_for(region_allow("*"))) == 0
}

test_a_deny_in_any_region_form_counts if {
	denied_actions(findings_for([fixtures.export_policy, region_deny("cn-hangzhou")])) == {"oss:PutObject"}
	denied_actions(findings_for([fixtures.export_policy, region_deny("oss-cn-hangzhou")])) == {"oss:PutObject"}
	denied_actions(findings_for([fixtures.export_policy, region_deny("cn-shanghai")])) == {"oss:PutObject"}
}

# --- Effect, element names and Version as documented -----------------------------------------------

test_effect_is_compared_as_documented if {
	lower_allow := [named("L", [{"Effect": "allow", "Action": fixtures.eight_actions, "Resource": ["*"]}])]
	d := findings_for(lower_allow)
	count(d) == 8
	some f in d
	contains(f.msg, "its Effect \"allow\" is not the documented \"Allow\"")
	lower_deny := named("Guard", [{"Effect": "deny", "Action": ["oss:PutObject"], "Resource": ["*"]}])
	denied_actions(findings_for([fixtures.export_policy, lower_deny])) == {"oss:PutObject"}
	no_effect := named("Guard", [{"Action": ["oss:PutObject"], "Resource": ["*"]}])
	denied_actions(findings_for([fixtures.export_policy, no_effect])) == {"oss:PutObject"}
}

test_element_names_are_case_sensitive if {
	misspelled := [named("M", [{"Effect": "Allow", "action": fixtures.eight_actions, "Resource": ["*"]}])]
	count(findings_for(misspelled)) == 8
	lower_deny := named("Guard", [{"effect": "Deny", "action": ["oss:PutObject"], "resource": ["*"]}])
	denied_actions(findings_for([fixtures.export_policy, lower_deny])) == {"oss:PutObject"}
}

test_only_version_1_documents_grant if {
	no_version := [{"name": "NV", "type": "Custom", "document": {"Statement": [allow(fixtures.eight_actions, ["*"])]}}]
	count(findings_for(no_version)) == 8
	aws := [{"name": "AWS", "type": "Custom", "document": {"Version": "2012-10-17", "Statement": [allow(fixtures.eight_actions, ["*"])]}}]
	count(findings_for(aws)) == 8
	deny_v2 := {"name": "Guard", "type": "Custom", "document": {"Version": "2", "Statement": [{"Effect": "Deny", "Action": ["oss:PutObject"], "Resource": ["*"]}]}}
	denied_actions(findings_for([fixtures.export_policy, deny_v2])) == {"oss:PutObject"}
}

test_a_denying_system_policy_is_detached if {
	system := {"name": "NoWrites", "type": "System", "document": {"Version": "1", "Statement": [{"Effect": "Deny", "Action": ["oss:PutObject"], "Resource": ["*"]}]}}
	some f in findings_for([fixtures.export_policy, system])
	f.remediation == "Detach it: aliyun ram DetachPolicyFromRole --PolicyType System --PolicyName NoWrites --RoleName AliyunECSImageExportDefaultRole"
}

# --- bucket-policy Allows (OSS evaluates RAM and bucket policies together) -------------------------

bucket_allow(principal) := fixtures.patched({
	"role": {"attachedPolicies": []},
	"bucket": {"policy": {"Version": "1", "Statement": [{
		"Effect": "Allow", "Principal": principal, "Action": fixtures.eight_actions,
		"Resource": ["acs:oss:*:*:my-export-bucket", "acs:oss:*:*:my-export-bucket/*"],
	}]}},
})

test_a_bucket_policy_allow_to_every_session_of_the_role_counts if {
	count(permissions.deny) == 0 with input as bucket_allow(["arn:sts::1234567890123456:assumed-role/*/*"])
	count(permissions.deny) == 0 with input as bucket_allow(["*"])
	count(permissions.deny) == 0 with input as bucket_allow([])
}

test_a_bucket_policy_allow_that_may_miss_the_session_does_not_count if {
	count(permissions.deny) == 8 with input as bucket_allow(["arn:sts::1234567890123456:assumed-role/AliyunECSImageExportDefaultRole/*"])
	count(permissions.deny) == 8 with input as bucket_allow(["arn:sts::1234567890123456:assumed-role/*/ecs"])
	count(permissions.deny) == 8 with input as bucket_allow(["arn:sts::2222222222222222:assumed-role/*/*"])
	count(permissions.deny) == 8 with input as bucket_allow(["1234567890123456"])
	count(permissions.deny) == 8 with input as bucket_allow(["acs:ram::1234567890123456:role/aliyunecsimageexportdefaultrole"])
	d := permissions.deny with input as bucket_allow(["1234567890123456"])
	some f in d
	contains(f.msg, "bucket policy Statement[0] is not counted: its Principal does not certainly include every session")
}

# --- remediation names the run's resources ---------------------------------------------------------

test_remediation_names_the_bucket_prefix_and_role if {
	f := fixtures.patched({
		"request": {"ossBucket": "team-b-images", "ossPrefix": "nightly", "roleName": "ExportRoleB"},
		"role": {"name": "ExportRoleB", "arn": "acs:ram::1234567890123456:role/exportroleb", "attachedPolicies": []},
	})
	some x in permissions.deny with input as f
	contains(x.remediation, "--RoleName ExportRoleB")
	contains(x.remediation, "acs:oss:*:*:team-b-images/nightly*")
	not contains(x.remediation, "my-export-bucket")
}
