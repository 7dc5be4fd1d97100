# METADATA
# scope: package
# title: RAM and OSS policy statements
# description: >-
#   How exportguard reads RAM policies, trust policies and OSS bucket policies, statement by
#   statement. The rules and their sources are in policies/README.md ("Policy semantics and
#   sources"): RAM "Policy structure and syntax" and "Policy elements" (Version "1"; Effect Allow or
#   Deny; Action or NotAction; Resource; Condition; element names case-sensitive, action values
#   generally not), RAM "Policy evaluation process" (deny by default; an explicit Deny wins), OSS
#   "Policy syntax and elements" and "Bucket Policy" (Principal; [] equals ["*"]). What the
#   documents leave open is decided against the export: a statement grants only when it certainly
#   applies (documented spelling, no Condition, every possible value covered) and denies whenever
#   it may. Not a check: no custom.id.
package exportguard.lib.ram

import data.exportguard.lib.patterns

# as_list reads a policy element that may be a single string or a list.
as_list(x) := x if is_array(x)

as_list(x) := [x] if is_string(x)

as_list(x) := [] if x == null

# ---------------------------------------------------------------------------------------------
# Statements. An entry is {policy, index, statement, documented}: documented is true when the
# statement sits in a document with "Version": "1" under the exactly spelled "Statement" key,
# the only form RAM and OSS document. Statements under a differently spelled key are still read,
# for their Denies.
# ---------------------------------------------------------------------------------------------

# statements lists every statement of a list of attached policies ({name, document}).
statements(policies) := [entry |
	some policy in policies
	some entry in statements_of(policy.name, policy.document)
]

# statements_of is statements for a single document under a given name (trust or bucket policy).
statements_of(name, document) := [entry |
	is_object(document)
	some key, value in document
	lower(key) == "statement"
	some index, statement in _statement_list(value)
	entry := {
		"policy": name, "index": index, "statement": statement,
		"documented": _documented(document, key),
	}
]

_statement_list(value) := value if is_array(value)

_statement_list(value) := [value] if is_object(value)

_documented(document, key) := true if {
	key == "Statement"
	document.Version == "1"
} else := false

# element_values: every value the statement holds under the element name in any letter case
# (RAM element names are case-sensitive; a misspelled one is read only to fail closed).
element_values(statement, name) := [v |
	is_object(statement)
	some key, v in statement
	lower(key) == lower(name)
]

has_element(statement, name) if count(element_values(statement, name)) > 0

# exact_only: the element appears only under its documented spelling.
exact_only(statement, name) if {
	count(element_values(statement, name)) == 1
	_ = statement[name]
}

# ---------------------------------------------------------------------------------------------
# Effect: "Allow" and "Deny", exactly as documented.
# ---------------------------------------------------------------------------------------------

# grants: the statement certainly allows: Effect is exactly "Allow" under its documented name, in a
# documented document, and it has no Condition (whose context is unknown before the export).
grants(entry) if {
	entry.documented
	exact_only(entry.statement, "Effect")
	entry.statement.Effect == "Allow"
	not has_condition(entry.statement)
}

# may_deny: the statement may deny: its Effect is anything but "Allow" ("Deny", another spelling,
# an unknown value, none at all). A Condition does not stop it counting: when in doubt, fail closed.
may_deny(entry) if not _allow_spelling_only(entry.statement)

_allow_spelling_only(statement) if {
	values := element_values(statement, "Effect")
	count(values) > 0
	every v in values {
		is_string(v)
		lower(v) == "allow"
	}
}

# undocumented_effect: an Effect value other than "Allow" and "Deny" (e.g. "allow"): it never grants,
# and unless it reads as allow it is taken as a Deny.
undocumented_effect(entry) := sort(values)[0] if {
	values := [v | some v in element_values(entry.statement, "Effect"); not v in {"Allow", "Deny"}]
	count(values) > 0
}

# maybe_allows: the statement may allow (its Effect is not exactly "Deny"): security checks that look
# for grants to strangers read these, whatever the spelling.
maybe_allows(entry) if {
	some v in element_values(entry.statement, "Effect")
	v != "Deny"
}

maybe_allows(entry) if not has_element(entry.statement, "Effect")

# has_condition: the statement carries a non-empty Condition block (under any spelling).
has_condition(statement) if {
	some condition in element_values(statement, "Condition")
	condition != null
	not _empty_object(condition)
}

_empty_object(x) if {
	is_object(x)
	count(x) == 0
}

# ---------------------------------------------------------------------------------------------
# Action / NotAction. Values compare case-insensitively.
# ---------------------------------------------------------------------------------------------

# action_covers: an allowing statement certainly covers the action: exactly one of Action and
# NotAction, spelled as documented; an Action pattern matches, or no NotAction pattern does
# (Allow with NotAction grants everything else; it is not a Deny).
action_covers(statement, action) if {
	exact_only(statement, "Action")
	not has_element(statement, "NotAction")
	some pattern in as_list(statement.Action)
	patterns.action_pattern_match(pattern, action)
}

action_covers(statement, action) if {
	exact_only(statement, "NotAction")
	not has_element(statement, "Action")
	not _any_action_pattern(as_list(statement.NotAction), action)
}

# action_may_cover: a denying statement may cover the action: any spelling of Action matches, or a
# NotAction leaves it out, or the statement names no action at all (fail closed).
action_may_cover(statement, action) if {
	some value in element_values(statement, "Action")
	_any_action_pattern(as_list(value), action)
}

action_may_cover(statement, action) if {
	some value in element_values(statement, "NotAction")
	not _any_action_pattern(as_list(value), action)
}

action_may_cover(statement, _) if {
	not has_element(statement, "Action")
	not has_element(statement, "NotAction")
}

_any_action_pattern(patterns_, action) if {
	some pattern in patterns_
	is_string(pattern)
	patterns.action_pattern_match(pattern, action)
}

# ---------------------------------------------------------------------------------------------
# Resource / NotResource, against a template (patterns.hole marks what is unknown). Resources
# compare case-sensitively. RAM documents Resource only; NotResource is read to fail closed.
# ---------------------------------------------------------------------------------------------

# resource_covers: an allowing statement's Resource certainly covers every value of the template.
resource_covers(statement, template) if {
	exact_only(statement, "Resource")
	not has_element(statement, "NotResource")
	some pattern in as_list(statement.Resource)
	patterns.must_match(pattern, template)
}

# resource_may_cover: a denying statement may cover some value of the template; one without any
# Resource, or with a NotResource that does not certainly exclude the template, counts.
resource_may_cover(statement, template) if {
	some value in element_values(statement, "Resource")
	some pattern in as_list(value)
	is_string(pattern)
	patterns.may_match(pattern, template)
}

resource_may_cover(statement, template) if {
	some value in element_values(statement, "NotResource")
	not _excludes_all(as_list(value), template)
}

resource_may_cover(statement, _) if {
	not has_element(statement, "Resource")
	not has_element(statement, "NotResource")
}

_excludes_all(patterns_, template) if {
	some pattern in patterns_
	patterns.must_match(pattern, template)
}

# ---------------------------------------------------------------------------------------------
# Effective permissions over a list of statement entries (identity policies: no Principal).
# ---------------------------------------------------------------------------------------------

# ref names a statement for findings: {"policy": name, "statement": index}.
ref(entry) := {"policy": entry.policy, "statement": entry.index}

# describe renders a ref for messages: policy "Name" Statement[1].
describe(r) := sprintf("policy %q Statement[%d]", [r.policy, r.statement])

# allowed_by: the statements that certainly grant the action on every value of the template.
allowed_by(entries, action, template) := {ref(e) |
	some e in entries
	grants(e)
	action_covers(e.statement, action)
	resource_covers(e.statement, template)
}

# denied_by: the statements that may deny the action on some value of the template.
denied_by(entries, action, template) := {ref(e) |
	some e in entries
	may_deny(e)
	action_may_cover(e.statement, action)
	resource_may_cover(e.statement, template)
}

# not_counted_by: statements that look like grants of the action on the template but are not counted,
# each with the reason, for finding messages: {[ref, reason]}.
not_counted_by(entries, action, template) := {[ref(e), why_not_counted(e, template)] |
	some e in entries
	maybe_allows(e)
	not ref(e) in allowed_by([e], action, template)
	action_may_cover(e.statement, action)
	resource_may_cover(e.statement, template)
}

# why_not_counted explains why an Allow-looking statement does not count as a grant.
why_not_counted(e, template) := "it carries a Condition, which preflight cannot evaluate" if {
	has_condition(e.statement)
} else := sprintf("its Effect %q is not the documented \"Allow\"", [undocumented_effect(e)]) if {
	undocumented_effect(e)
} else := "its document is not \"Version\": \"1\" with a \"Statement\" list" if {
	not e.documented
} else := "an element name is not spelled as documented (element names are case-sensitive)" if {
	some name in ["Effect", "Action", "Resource"]
	has_element(e.statement, name)
	not exact_only(e.statement, name)
} else := "NotResource is not documented for RAM policies" if {
	has_element(e.statement, "NotResource")
} else := "it names no Resource" if {
	not has_element(e.statement, "Resource")
} else := sprintf("its Resource does not cover every value of %s ('*' is the only documented region, and the names of the objects the export writes are not documented)", [patterns.show(template)])

# ---------------------------------------------------------------------------------------------
# Principals (trust policies and bucket policies).
# ---------------------------------------------------------------------------------------------

# principal_entries flattens every spelling of Principal into [{kind, value}]: kind is the object's
# key (Service, RAM, Federated) or "Any" for the list form OSS uses (["*"], UIDs, STS ARNs). OSS
# documents an empty list as equal to ["*"].
principal_entries(statement) := [e |
	some value in element_values(statement, "Principal")
	some e in _principal_value_entries(value)
]

_principal_value_entries(value) := [{"kind": "Any", "value": value}] if is_string(value)

_principal_value_entries(value) := [{"kind": "Any", "value": v} | some v in value] if {
	is_array(value)
	count(value) > 0
}

_principal_value_entries(value) := [{"kind": "Any", "value": "*"}] if {
	is_array(value)
	count(value) == 0
}

_principal_value_entries(value) := [{"kind": kind, "value": v} |
	some kind, values in value
	some v in _as_principal_list(values)
] if is_object(value)

_principal_value_entries(value) := [{"kind": "Any", "value": value}] if {
	not is_string(value)
	not is_array(value)
	not is_object(value)
}

_as_principal_list(x) := x if is_array(x)

_as_principal_list(x) := [x] if not is_array(x)

# documented_principal_entries: the principals of a statement whose Principal is spelled as
# documented and which has no NotPrincipal (undocumented: such a statement never grants).
documented_principal_entries(statement) := principal_entries(statement) if {
	exact_only(statement, "Principal")
	not has_element(statement, "NotPrincipal")
}

# principal_unbounded: the statement may apply to anyone whatever its principals say: it has no
# Principal at all, or a NotPrincipal (not documented by RAM or OSS). Denies count, Allows warn.
principal_unbounded(statement) if not has_element(statement, "Principal")

principal_unbounded(statement) if has_element(statement, "NotPrincipal")

# any_account: a principal value that admits identities of any account (the account field is a
# wildcard): "*", arn:sts::*:..., acs:ram::*:... Granting to it is granting to the public.
any_account(value) if value == "*"

any_account(value) if {
	is_string(value)
	some prefix in ["arn:sts::", "acs:ram::"]
	every k in [1, 2, 3] {
		patterns.may_match(lower(value), [concat("", [prefix, patterns.marker(k), ":"]), patterns.hole("rest")])
	}
}

# admits_anyone: a principal entry ({kind, value}) that admits any account: "*" in any form, an
# ARN with a wildcard account, or a Service pattern matching every service name.
admits_anyone(p) if {
	lower(p.kind) != "service"
	any_account(p.value)
}

admits_anyone(p) if {
	lower(p.kind) == "service"
	is_string(p.value)
	every k in [1, 2, 3] {
		patterns.wildcard_match(p.value, patterns.marker(k))
	}
}
