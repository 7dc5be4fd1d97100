# METADATA
# scope: package
# title: What the export touches
# description: >-
#   The identity and the OSS resources of an ExportImage, as templates whose unknown parts are holes
#   (lib.patterns): ECS writes as a session of the export role, arn:sts::<account>:assumed-role/
#   <role>/<session> (OSS "Bucket Policy": STS principals), with a session name ECS chooses; the
#   bucket ARN acs:oss:<region>:<account>:<bucket> and one object per disk under the prefix, whose
#   names are not documented (EXPORTIMAGE.md 1.4), so every name under the prefix counts; the
#   region field of an OSS ARN is documented only as '*', so its value is a hole too. Not a check.
package exportguard.lib.export

import data.exportguard.lib.facts
import data.exportguard.lib.patterns

# account_id comes from the role's ARN (acs:ram::<accountId>:role/<name>), else the facts' field.
account_id(role) := split(role.arn, ":")[3] if _arn_account(role)

account_id(role) := role.accountId if {
	not _arn_account(role)
	is_string(role.accountId)
	role.accountId != ""
}

_arn_account(role) if {
	parts := split(role.arn, ":")
	count(parts) >= 5
	parts[0] == "acs"
	parts[3] != ""
}

# role_names: the spellings of the role's name the services may use: the name asked for and the
# one in its ARN (RAM writes ARNs in lower case).
role_names(role) := {n |
	some n in [facts.role_name, object.get(role, "name", ""), _arn_name(role)]
	is_string(n)
	n != ""
}

_arn_name(role) := substring(role.arn, i + 6, -1) if {
	is_string(role.arn)
	i := indexof(role.arn, ":role/")
	i >= 0
}

# The OSS actions checked against the bucket ARN; all others are object actions.
bucket_level_actions := {"oss:getbucketlocation", "oss:getbucketinfo", "oss:listmultipartuploads"}

# context: what the templates are built from; undefined when a part is unknown.
context(f) := ctx if {
	is_string(f.request.ossBucket)
	f.request.ossBucket != ""
	ctx := {
		"accountId": account_id(f.role),
		"bucket": f.request.ossBucket,
		"prefix": _prefix(f.request),
		"roleNames": role_names(f.role),
	}
}

_prefix(request) := request.ossPrefix if {
	is_string(request.ossPrefix)
	request.ossPrefix != ""
} else := ""

# unnamed_resources_msg explains a fail-closed finding when context is undefined.
unnamed_resources_msg := "the resources the export touches cannot be named: the request's bucket, or the account id in the role's ARN, is missing"

unnamed_resources_fix := sprintf("Check the role's ARN (aliyun ram GetRole --RoleName %s) and pass --bucket; then run preflight again", [facts.role_name])

# bucket_template / objects_template: the bucket ARN, and the ARN of any object the export may write.
bucket_template(ctx) := ["acs:oss:", patterns.hole("region"), sprintf(":%s:%s", [ctx.accountId, ctx.bucket])]

objects_template(ctx) := [
	"acs:oss:", patterns.hole("region"), sprintf(":%s:%s/%s", [ctx.accountId, ctx.bucket, ctx.prefix]),
	patterns.hole("object"),
]

# template: the resource an action is checked against.
template(action, ctx) := bucket_template(ctx) if lower(action) in bucket_level_actions

template(action, ctx) := objects_template(ctx) if not lower(action) in bucket_level_actions

# targets: each required action with its template and the template shown in messages.
targets(actions, ctx) := [{"action": a, "template": t, "resource": patterns.show(t)} |
	some a in actions
	t := template(a, ctx)
]

# session_templates: the principal OSS sees when ECS writes as the role, for each spelling of the
# role's name (case-sensitive: an Allow counts only if it covers them all).
session_templates(ctx) := [["arn:sts::", sprintf("%s:assumed-role/%s/", [ctx.accountId, name]), patterns.hole("session")] |
	some name in ctx.roleNames
]

# certainly_role: a documented bucket-policy principal value that covers every session of the
# role: "*" (OSS: everyone but the bucket owner), or an STS pattern matching every session name
# under every spelling of the role's name, in this account.
certainly_role(value, _) if value == "*"

certainly_role(value, ctx) if {
	is_string(value)
	every t in session_templates(ctx) {
		patterns.must_match(value, t)
	}
}

# may_be_role: a principal value that may stand for the role's session (a Deny counts): a pattern
# matching a session of the role in this account in any letter case (STS form, or the acs:ram form
# STS returns), the role's ARN, the account (its UID or root ARN), or a value that is not a string.
may_be_role(value, _) if not is_string(value)

may_be_role(value, ctx) if {
	is_string(value)
	some t in _identity_templates(ctx)
	patterns.may_match_ci(value, t)
}

_identity_templates(ctx) := [t |
	some name in ctx.roleNames
	some t in [
		["arn:sts::", sprintf("%s:assumed-role/%s/", [ctx.accountId, name]), patterns.hole("session")],
		["acs:ram::", sprintf("%s:assumed-role/%s/", [ctx.accountId, name]), patterns.hole("session")],
		["acs:ram::", sprintf("%s:role/%s/", [ctx.accountId, name]), patterns.hole("session")],
		[sprintf("acs:ram::%s:role/%s", [ctx.accountId, name])],
		[sprintf("acs:ram::%s:root", [ctx.accountId])],
		[ctx.accountId],
	]
]
