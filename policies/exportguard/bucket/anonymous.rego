# METADATA
# scope: package
# title: Bucket policy grants nothing to anonymous principals or to any account
# description: >-
#   An Allow whose Principal is "*" or [] (OSS "Policy syntax and elements": [] equals ["*"]) opens
#   the exported image to anyone on the internet, whatever the ACL says; one whose principal has a
#   wildcard account (arn:sts::*:..., acs:ram::*:...) opens it to every Alibaba Cloud account. A
#   statement whose Effect is not exactly "Deny" may allow (fail closed), and one without a Principal
#   or with a NotPrincipal (not documented for OSS) is read as granting to everyone. A Condition
#   narrows such a grant but is not evaluated: the finding says so.
# custom:
#   id: EG-BUCKET-005
#   severity: critical
#   requires: [bucket.exists, bucketPolicy]
#   remediation: >-
#     Remove the public Allow statement the finding names (edit the policy JSON and put it back with
#     aliyun oss bucket-policy --method put oss://<bucket> policy.json), or delete the bucket
#     policy: aliyun oss bucket-policy --method delete oss://<bucket>
package exportguard.bucket.anonymous

import data.exportguard.lib.facts
import data.exportguard.lib.fix
import data.exportguard.lib.ram

# null (no bucket policy) gives no statements.
entries := ram.statements_of("bucket policy", input.bucket.policy)

deny contains finding if {
	facts.bucket_exists
	some e in entries
	ram.maybe_allows(e)
	some who in public(e.statement)
	finding := {
		"msg": sprintf("bucket policy Statement[%d] of %s allows %s to %s%s", [e.index, facts.bucket_name, actions(e.statement), who, condition_note(e.statement)]),
		"resource": facts.bucket_name,
		"statement": e.index,
		"remediation": sprintf("Remove Statement[%d] or name the principals it is meant for (aliyun oss bucket-policy --method get oss://%s policy.json, edit it, then %s), or delete the policy: %s", [
			e.index, fix.quote(facts.bucket_name), fix.put_bucket_policy, fix.delete_bucket_policy,
		]),
	}
}

public(statement) := {"anonymous principals (no Principal, or a NotPrincipal)"} if ram.principal_unbounded(statement)

else := {who |
	some p in ram.principal_entries(statement)
	who := _who(p.value)
}

_who(value) := "anonymous principals (*)" if value == "*"

else := sprintf("every account (%s)", [value]) if ram.any_account(value)

condition_note(statement) := " (under a Condition, which preflight does not evaluate)" if ram.has_condition(statement) else := ""

actions(statement) := concat(", ", [a | some v in ram.element_values(statement, "Action"); some a in ram.as_list(v)]) if {
	ram.has_element(statement, "Action")
}

actions(statement) := sprintf("everything but %s", [concat(", ", [a | some v in ram.element_values(statement, "NotAction"); some a in ram.as_list(v)])]) if {
	not ram.has_element(statement, "Action")
	ram.has_element(statement, "NotAction")
}

actions(statement) := "every action" if {
	not ram.has_element(statement, "Action")
	not ram.has_element(statement, "NotAction")
}
