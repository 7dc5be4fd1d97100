# METADATA
# scope: package
# title: No export went to a public bucket
# description: >-
#   An export to one of the account's buckets whose ACL is public-read or public-read-write, or
#   whose bucket policy may allow anonymous principals or every account (as EG-BUCKET-003 and
#   EG-BUCKET-005 read them), put the disk image where anyone may read it. The bucket's settings
#   are as they are now, not as they were at the export. Another account's bucket cannot be read:
#   EG-HIST-002 reports it.
# custom:
#   id: EG-HIST-003
#   severity: critical
#   requires: [exportTask, exportBucket]
#   remediation: >-
#     Make the bucket private (aliyun oss set-acl oss://<bucket> private -b), remove any public Allow
#     from its policy, and delete the exported objects if they were read: aliyun oss rm oss://<bucket>/<object>
package exportguard.history.public_bucket

import data.exportguard.lib.fix
import data.exportguard.lib.history
import data.exportguard.lib.ram

exported := input.exportBucket

own if exported.owner == "account"

public_acls := {"public-read", "public-read-write"}

entries := ram.statements_of("bucket policy", object.get(exported, "policy", null))

public_statements contains e.index if {
	some e in entries
	ram.maybe_allows(e)
	ram.principal_unbounded(e.statement)
}

public_statements contains e.index if {
	some e in entries
	ram.maybe_allows(e)
	some p in ram.principal_entries(e.statement)
	ram.any_account(p.value)
}

remediation := sprintf("Make %s private (aliyun oss set-acl %s private -b), remove the public Allow statements from its policy (aliyun oss bucket-policy --method get %s policy.json, edit, --method put), and delete what task %s wrote if it was read: %s", [
	history.bucket, fix.quote(sprintf("oss://%s", [history.bucket])), fix.quote(sprintf("oss://%s", [history.bucket])), history.task_id, history.remove_objects,
])

deny contains finding if {
	own
	exported.acl in public_acls
	finding := {
		"msg": sprintf("export task %s (%s) wrote image %s to bucket %s, whose ACL is %s: anyone can read it", [
			history.task_id, history.when, history.image_id, history.bucket, exported.acl,
		]),
		"resource": history.bucket_resource,
		"remediation": remediation,
	}
}

deny contains finding if {
	own
	count(public_statements) > 0
	finding := {
		"msg": sprintf("export task %s (%s) wrote image %s to bucket %s, whose policy may allow anyone (Statement %v)", [
			history.task_id, history.when, history.image_id, history.bucket, sort(public_statements),
		]),
		"resource": history.bucket_resource,
		"remediation": remediation,
	}
}

deny contains finding if {
	own
	not is_string(object.get(exported, "acl", null))
	finding := {
		"msg": sprintf("export task %s wrote to bucket %s, whose ACL is unknown: it cannot be told whether the image is public", [
			history.task_id, history.bucket,
		]),
		"resource": history.bucket_resource,
		"remediation": remediation,
	}
}
