# METADATA
# scope: package
# title: Bucket policy does not deny the role any of the eight actions
# description: >-
#   A bucket-policy Deny overrides every Allow (OSS "Bucket Policy": explicit deny first). A
#   statement counts as a Deny when its Effect is anything but "Allow" (any spelling, Condition or
#   not) and its principal may be the export role's session: "*" or [] (OSS documents [] as ["*"]),
#   an arn:sts pattern that may match arn:sts::<account>:assumed-role/<role>/<session> for some
#   session name (case ignored; a same-named role in another account does not match), the role's
#   acs:ram ARN, the account's UID or root ARN, or no Principal / a NotPrincipal (fail closed). It
#   must match one of the eight OSS actions on the bucket ARN or on some object the export may write
#   under the prefix, in any region form. Then the export fails (NoSetRoletoECSServiceAcount).
#   Rules and sources: policies/README.md.
# custom:
#   id: EG-BUCKET-004
#   severity: critical
#   prevents: NoSetRoletoECSServiceAcount
#   requires: [request.ossBucket, request.ossPrefix, role, bucket.exists, bucketPolicy]
#   remediation: >-
#     Remove or narrow the Deny statement the finding names (edit the policy JSON and upload it with
#     aliyun oss bucket-policy --method put oss://<bucket> policy.json), or delete the bucket
#     policy: aliyun oss bucket-policy --method delete oss://<bucket>
package exportguard.bucket.policy_deny

import data.exportguard.lib.export
import data.exportguard.lib.facts
import data.exportguard.lib.fix
import data.exportguard.lib.ram

# null (no bucket policy) gives no statements.
entries := ram.statements_of("bucket policy", input.bucket.policy)

ctx := export.context(input)

targets := export.targets(data.exportguard.config.requiredOssActions, ctx)

# may_cover_role: the statement's principal may be the role's session.
may_cover_role(statement) if ram.principal_unbounded(statement)

may_cover_role(statement) if {
	some p in ram.principal_entries(statement)
	export.may_be_role(p.value, ctx)
}

deny contains finding if {
	facts.bucket_exists
	some t in targets
	some e in entries
	ram.may_deny(e)
	may_cover_role(e.statement)
	ram.action_may_cover(e.statement, t.action)
	ram.resource_may_cover(e.statement, t.template)
	finding := {
		"msg": sprintf("%s on %s may be denied to role %s by bucket policy Statement[%d] of %s: ExportImage would fail with NoSetRoletoECSServiceAcount", [t.action, t.resource, facts.role_name, e.index, facts.bucket_name]),
		"resource": t.resource,
		"action": t.action,
		"policy": e.policy,
		"statement": e.index,
		"remediation": sprintf("Remove or narrow Statement[%d] of the bucket policy (aliyun oss bucket-policy --method get oss://%s policy.json, edit it, then %s), or delete the policy: %s", [
			e.index, fix.quote(facts.bucket_name), fix.put_bucket_policy, fix.delete_bucket_policy,
		]),
	}
}

deny contains finding if {
	facts.bucket_exists
	not "policy" in object.keys(input.bucket)
	finding := {
		"msg": sprintf("the bucket policy of %s is unknown (bucket.policy is missing; null means none)", [facts.bucket_name]),
		"resource": facts.bucket_name,
		"remediation": sprintf("Gather the bucket policy again (aliyun oss bucket-policy --method get oss://%s policy.json) and rerun preflight", [fix.quote(facts.bucket_name)]),
	}
}

deny contains finding if {
	facts.bucket_exists
	count(entries) > 0
	not ctx
	finding := {
		"msg": export.unnamed_resources_msg,
		"resource": facts.bucket_name,
		"remediation": export.unnamed_resources_fix,
	}
}

deny contains finding if {
	facts.bucket_exists
	unreadable(input.bucket.policy)
	finding := {
		"msg": sprintf("the bucket policy of %s has no statement exportguard can read, so its Denies are unknown", [facts.bucket_name]),
		"resource": facts.bucket_name,
		"remediation": sprintf("Check the policy: aliyun oss bucket-policy --method get oss://%s policy.json", [fix.quote(facts.bucket_name)]),
	}
}

# unreadable: a bucket policy that is there but holds no statement list exportguard can read.
unreadable(policy) if {
	policy != null
	not is_object(policy)
}

unreadable(policy) if {
	is_object(policy)
	not _statement_list(policy)
}

_statement_list(policy) if {
	some key, value in policy
	lower(key) == "statement"
	_list_like(value)
}

_list_like(value) if is_array(value)

_list_like(value) if is_object(value)
