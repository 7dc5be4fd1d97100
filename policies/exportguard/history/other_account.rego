# METADATA
# scope: package
# title: Exports stayed in the account
# description: >-
#   An export wrote to a bucket the audited account owns (ListBuckets), not to another account's
#   (one that is not the account's and refuses it with AccessDenied, or whose GetBucketInfo names
#   another owner): an image in someone else's bucket has left the account's control. A bucket that
#   no longer exists cannot be told whose it was: a warning. Another account's bucket can only be
#   written through a bucket policy that lets this account's export role in.
# custom:
#   id: EG-HIST-002
#   severity: critical
#   requires: [exportTask, exportBucket]
#   remediation: >-
#     Ask the owner of <bucket> to delete the exported objects, and restrict the export role's OSS
#     permissions to the account's own buckets (Resource acs:oss:*:<account>:<bucket>): aliyun ram
#     CreatePolicyVersion --PolicyName <policy> --SetAsDefault true --PolicyDocument file://policy.json
package exportguard.history.other_account

import data.exportguard.lib.fix
import data.exportguard.lib.history

owner := object.get(history.exported, "owner", null)

message(what) := sprintf("export task %s (%s) wrote image %s to bucket %s, %s", [
	history.task_id, history.when, history.image_id, history.bucket, what,
])

owner_text := sprintf("account %s", [id]) if {
	id := history.exported.ownerId
	is_string(id)
	id != ""
} else := "it refuses this account with AccessDenied"

remediation := sprintf("Ask the owner of %s to delete what task %s wrote (%s), and restrict the export role's OSS permissions to this account's buckets: its policies' Resource acs:oss:*:%s:<bucket> (aliyun ram ListPoliciesForRole --RoleName %s)", [
	fix.quote(history.bucket), history.task_id, history.object_list, history.account, fix.quote(history.role_name),
])

deny contains finding if {
	owner == "other"
	finding := {
		"msg": message(sprintf("a bucket of another account (%s)", [owner_text])),
		"resource": history.bucket_resource,
		"remediation": remediation,
	}
}

deny contains finding if {
	not owner in {"account", "other", "none"}
	finding := {
		"msg": message("whose owner is unknown"),
		"resource": history.bucket_resource,
		"remediation": remediation,
	}
}

warn contains finding if {
	owner == "none"
	finding := {
		"msg": message("which no longer exists, so whose it was cannot be told"),
		"resource": history.bucket_resource,
		"remediation": sprintf("Find out who ran task %s and where the objects went: aliyun ecs DescribeTaskAttribute --RegionId %s --TaskId %s", [
			history.task_id, fix.quote(history.region_id), fix.quote(history.task_id),
		]),
	}
}
