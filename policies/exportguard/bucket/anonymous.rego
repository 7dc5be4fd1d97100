# METADATA
# scope: package
# title: Bucket policy grants nothing to anonymous principals
# description: >-
#   An Allow for the principal "*" in the bucket policy opens the exported image to anyone on the
#   internet, whatever the ACL says.
# custom:
#   id: EG-BUCKET-005
#   severity: critical
#   requires: [bucket, bucketPolicy]
#   remediation: >-
#     Remove the anonymous Allow statement the finding names (edit the policy JSON and put it back with
#     aliyun oss bucket-policy --method put oss://my-export-bucket policy.json), or delete the bucket
#     policy: aliyun oss bucket-policy --method delete oss://my-export-bucket
package exportguard.bucket.anonymous

import data.exportguard.lib.facts
import data.exportguard.lib.ram

# null (no bucket policy) gives no statements.
entries := ram.statements_of("bucket policy", input.bucket.policy)

deny contains finding if {
	facts.bucket_exists
	some e in entries
	e.statement.Effect == "Allow"
	anonymous(e.statement)
	finding := {
		"msg": sprintf("bucket policy Statement[%d] of %s allows %v to anonymous principals (*)", [e.index, facts.bucket_name, actions(e.statement)]),
		"resource": facts.bucket_name,
		"statement": e.index,
	}
}

anonymous(statement) if {
	some p in ram.principal_entries(statement.Principal)
	p.value == "*"
}

anonymous(statement) if not statement.Principal

actions(statement) := concat(", ", ram.as_list(statement.Action)) if statement.Action

actions(statement) := sprintf("everything but %s", [concat(", ", ram.as_list(statement.NotAction))]) if {
	not statement.Action
	statement.NotAction
}

actions(statement) := "no named action" if {
	not statement.Action
	not statement.NotAction
}
