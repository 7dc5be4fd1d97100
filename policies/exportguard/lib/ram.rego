# METADATA
# scope: package
# title: RAM and OSS policy evaluation
# description: >-
#   How exportguard reads RAM policies, trust policies and OSS bucket policies: wildcard patterns,
#   Action/NotAction, Resource/NotResource, principals, Conditions, and which statements allow or
#   deny an action on a concrete resource. The rules are those of EXPORTIMAGE.md, "How EG-ROLE-003
#   matches actions and resources". Not a check: it has no custom.id.
package exportguard.lib.ram

# ---------------------------------------------------------------------------------------------
# Patterns. Policy entries are patterns ('*' any run of characters, '?' exactly one) matched
# against a concrete value, never the other way round.
# ---------------------------------------------------------------------------------------------

# wildcard_match is true when the concrete value matches the pattern (case-sensitive).
wildcard_match(pattern, value) if regex.match(pattern_regex(pattern), value)

# pattern_regex is the anchored regular expression of a wildcard pattern; literal runs are quoted
# with \Q...\E so that dots, brackets and the like in ARNs stay literal.
pattern_regex(pattern) := concat("", ["^", concat(".*", [_one_char_parts(part) | some part in split(pattern, "*")]), "$"])

_one_char_parts(part) := concat(".", [_quote(piece) | some piece in split(part, "?")])

_quote(s) := "" if s == ""

# A "\E" inside the literal would end the quoting early: close, add it escaped, reopen.
_quote(s) := concat("", ["\\Q", replace(s, "\\E", "\\E\\\\E\\Q"), "\\E"]) if s != ""

# action_pattern_match compares actions case-insensitively (oss:getobject is oss:GetObject).
action_pattern_match(pattern, action) if wildcard_match(lower(pattern), lower(action))

# as_list reads a policy element that may be a single string or a list.
as_list(x) := x if is_array(x)

as_list(x) := [x] if is_string(x)

as_list(x) := [] if x == null

# ---------------------------------------------------------------------------------------------
# Statements
# ---------------------------------------------------------------------------------------------

# statements lists every statement of a list of attached policies ({name, document}) with the
# policy's name and the statement's index in its Statement list (0-based, as in the JSON).
statements(policies) := [entry |
	some policy in policies
	some index, statement in document_statements(policy.document)
	entry := {"policy": policy.name, "index": index, "statement": statement}
]

# statements_of is statements for a single document under a given name (trust or bucket policy).
statements_of(name, document) := [entry |
	some index, statement in document_statements(document)
	entry := {"policy": name, "index": index, "statement": statement}
]

document_statements(document) := document.Statement if is_array(document.Statement)

document_statements(document) := [document.Statement] if is_object(document.Statement)

document_statements(document) := [] if not document.Statement

# action_matches: the statement's Action has a pattern matching the action, or its NotAction has
# none that does (Allow + NotAction grants everything else; it is not a Deny).
action_matches(statement, action) if {
	some pattern in as_list(statement.Action)
	action_pattern_match(pattern, action)
}

action_matches(statement, action) if {
	not statement.Action
	is_array(as_list(statement.NotAction))
	not _any_action_pattern(as_list(statement.NotAction), action)
}

_any_action_pattern(patterns, action) if {
	some pattern in patterns
	action_pattern_match(pattern, action)
}

# resource_matches: likewise for Resource / NotResource, case-sensitively.
resource_matches(statement, resource) if {
	some pattern in as_list(statement.Resource)
	wildcard_match(pattern, resource)
}

resource_matches(statement, resource) if {
	not statement.Resource
	is_array(as_list(statement.NotResource))
	not _any_resource_pattern(as_list(statement.NotResource), resource)
}

_any_resource_pattern(patterns, resource) if {
	some pattern in patterns
	wildcard_match(pattern, resource)
}

# A Deny that names no resource at all is read as covering every resource (fail closed); an Allow
# without one grants nothing.
_deny_resource_matches(statement, resource) if resource_matches(statement, resource)

_deny_resource_matches(statement, _) if {
	not statement.Resource
	not statement.NotResource
}

# has_condition: the statement carries a non-empty Condition block.
has_condition(statement) if {
	condition := statement.Condition
	condition != null
	not _empty_object(condition)
}

_empty_object(x) if {
	is_object(x)
	count(x) == 0
}

# ref names a statement for findings: {"policy": name, "statement": index}.
ref(entry) := {"policy": entry.policy, "statement": entry.index}

# describe renders a ref for messages: policy "Name" Statement[1].
describe(r) := sprintf("policy %q Statement[%d]", [r.policy, r.statement])

# ---------------------------------------------------------------------------------------------
# Effective permissions over a list of statement entries
# ---------------------------------------------------------------------------------------------

# allowed_by: the unconditional Allow statements granting the action on the resource.
allowed_by(entries, action, resource) := {ref(e) |
	some e in entries
	e.statement.Effect == "Allow"
	not has_condition(e.statement)
	action_matches(e.statement, action)
	resource_matches(e.statement, resource)
}

# conditionally_allowed_by: Allow statements that would grant it but carry a Condition, whose
# context preflight cannot know; they are reported, never counted as granting.
conditionally_allowed_by(entries, action, resource) := {ref(e) |
	some e in entries
	e.statement.Effect == "Allow"
	has_condition(e.statement)
	action_matches(e.statement, action)
	resource_matches(e.statement, resource)
}

# denied_by: the Deny statements matching the action and resource. A Deny with a Condition still
# counts: when in doubt, fail closed.
denied_by(entries, action, resource) := {ref(e) |
	some e in entries
	e.statement.Effect == "Deny"
	action_matches(e.statement, action)
	_deny_resource_matches(e.statement, resource)
}

# ---------------------------------------------------------------------------------------------
# Principals (trust policies and bucket policies)
# ---------------------------------------------------------------------------------------------

# principal_entries flattens a Principal into [{kind, value}]: kind is Service, RAM, Federated
# (the object's keys) or Any for a bare "*" / list of ids (the OSS bucket-policy form).
principal_entries(principal) := [{"kind": "Any", "value": principal}] if is_string(principal)

principal_entries(principal) := [{"kind": "Any", "value": v} | some v in principal] if is_array(principal)

principal_entries(principal) := [{"kind": kind, "value": v} |
	some kind, values in principal
	some v in as_list(values)
] if is_object(principal)

# principal_matches_service: the principal covers the service (Service: [pattern], or "*").
principal_matches_service(principal, service) if {
	some e in principal_entries(principal)
	e.kind in {"Service", "Any"}
	wildcard_match(lower(e.value), lower(service))
}

# principal_matches_role: the principal can be the role or a session of it. "*", the account
# (its id or root ARN, which covers its roles), the role's ARN, and assumed-role ARNs of the role
# all count; role names are compared case-insensitively, as RAM does.
principal_matches_role(principal, role) if {
	some e in principal_entries(principal)
	_value_matches_role(e.value, role)
}

_value_matches_role(value, _) if value == "*"

_value_matches_role(value, role) if wildcard_match(lower(value), lower(role.arn))

_value_matches_role(value, role) if value == account_id(role)

_value_matches_role(value, role) if lower(value) == sprintf("acs:ram::%s:root", [account_id(role)])

_value_matches_role(value, role) if contains(lower(value), sprintf(":assumed-role/%s/", [lower(role.name)]))

# ---------------------------------------------------------------------------------------------
# The export's concrete resources
# ---------------------------------------------------------------------------------------------

# The OSS actions checked against the bucket ARN; all others are object actions.
bucket_level_actions := {"oss:getbucketlocation", "oss:getbucketinfo", "oss:listmultipartuploads"}

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

# export_object_key: a representative object the export writes, <prefix>_<imageId>_system.<ext>
# (without a prefix: <imageId>_system.<ext>); <ext> is raw.tar.gz for raw, else the format.
export_object_key(request) := sprintf("%s_%s_system.%s", [request.ossPrefix, request.imageId, _extension(request)]) if {
	_has_prefix(request)
}

export_object_key(request) := sprintf("%s_system.%s", [request.imageId, _extension(request)]) if {
	not _has_prefix(request)
}

_has_prefix(request) if {
	is_string(request.ossPrefix)
	request.ossPrefix != ""
}

_extension(request) := "raw.tar.gz" if not _custom_format(request)

_extension(request) := lower(request.imageFormat) if _custom_format(request)

_custom_format(request) if {
	is_string(request.imageFormat)
	not lower(request.imageFormat) in {"", "raw"}
}

# export_context: what the concrete ARNs are built from; undefined when a part is unknown.
export_context(facts) := ctx if {
	is_string(facts.request.regionId)
	is_string(facts.request.ossBucket)
	is_string(facts.request.imageId)
	ctx := {
		"regionId": facts.request.regionId,
		"accountId": account_id(facts.role),
		"bucket": facts.request.ossBucket,
		"objectKey": export_object_key(facts.request),
	}
}

# unnamed_resources_msg explains a fail-closed finding when export_context is undefined.
unnamed_resources_msg := "the resources the export touches cannot be named: the request's region, bucket or image, or the account id in the role's ARN, is missing"

# export_resource: the concrete ARN an action is checked against.
export_resource(action, ctx) := sprintf("acs:oss:%s:%s:%s", [ctx.regionId, ctx.accountId, ctx.bucket]) if {
	lower(action) in bucket_level_actions
}

export_resource(action, ctx) := sprintf("acs:oss:%s:%s:%s/%s", [ctx.regionId, ctx.accountId, ctx.bucket, ctx.objectKey]) if {
	not lower(action) in bucket_level_actions
}

# export_targets: each required action with its concrete resource.
export_targets(actions, ctx) := [{"action": a, "resource": export_resource(a, ctx)} | some a in actions]

# denied_for_role_by: Deny statements of a resource-based policy (a bucket policy) whose
# principal can be the role and that match the action and resource. A Deny without a Principal
# is read as covering everyone (fail closed).
denied_for_role_by(entries, role, action, resource) := {ref(e) |
	some e in entries
	e.statement.Effect == "Deny"
	_principal_covers_role(e.statement, role)
	action_matches(e.statement, action)
	_deny_resource_matches(e.statement, resource)
}

_principal_covers_role(statement, role) if principal_matches_role(statement.Principal, role)

_principal_covers_role(statement, _) if not statement.Principal
