# METADATA
# scope: package
# title: Wildcard patterns and partly known values
# description: >-
#   RAM and OSS policy entries are patterns: '*' matches any run of characters (also none), '?'
#   exactly one (RAM "Policy structure and syntax"). They are matched against a concrete value,
#   never the other way round. Some parts of the values the export touches are not known before it
#   runs; a template marks them as holes, and a pattern may match it (for some filling: a Deny that
#   may apply counts) or must match it (for every filling: only then does an Allow count). Not a
#   check: no custom.id.
package exportguard.lib.patterns

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

# action_pattern_match compares actions case-insensitively (oss:getobject is oss:GetObject): RAM
# says action values are "generally not case-sensitive".
action_pattern_match(pattern, action) if wildcard_match(lower(pattern), lower(action))

# ---------------------------------------------------------------------------------------------
# Templates: a concrete value some of whose parts are not known before the export (the region
# string OSS puts in an ARN, the name of each object the export writes, ECS's session name). A
# template is a list of literal strings and holes ({"hole": name}); a hole stands for any
# non-empty string of the characters its name allows (hole_chars).
# ---------------------------------------------------------------------------------------------

hole(name) := {"hole": name}

# The characters a hole may hold, by its name: a region id (cn-hangzhou, oss-cn-hangzhou), an STS
# session name (STS AssumeRole: letters, digits, '.', '@', '-', '_'), an object name the export
# writes (letters, digits, '.', '_', '-': image, task and disk ids, format extensions), or an
# account id, or the rest of an ARN. A Deny that can match only values outside these (a ':' or a '/' in a generated object
# name) does not count.
hole_chars := {
	"region": "a-z0-9\\-",
	"session": "A-Za-z0-9.@_\\-",
	"object": "A-Za-z0-9._\\-",
	"account": "0-9",
	"rest": "A-Za-z0-9._@:/\\-",
}

# may_match: the pattern matches the template for some filling of its holes (a Deny that may apply
# counts). regex.globs_match intersects the two languages.
may_match(pattern, template) if regex.globs_match(_pattern_glob(pattern), _template_glob(template))

# may_match_ci: may_match ignoring case (for Denies whose case handling the services do not document).
may_match_ci(pattern, template) if may_match(lower(pattern), [_lower_segment(s) | some s in template])

# must_match: the pattern matches the template for every filling of its holes (an Allow counts only
# then). Holes are filled with runs of a control character no pattern literal matches, of every
# length from 1 to 3 and in every combination: what matches those matches any filling, because
# only '*' and '?' can consume them and the runs of different lengths rule out '?' alone.
must_match(pattern, template) if {
	is_string(pattern)
	every filled in _fillings(template) {
		wildcard_match(pattern, filled)
	}
}

# show renders a template for messages, each hole as '*'.
show(template) := concat("", [_show_segment(s) | some s in template])

_show_segment(s) := s if is_string(s)

_show_segment(s) := "*" if is_object(s)

_lower_segment(s) := lower(s) if is_string(s)

_lower_segment(s) := s if is_object(s)

# regex.globs_match treats only . * + [ - ] and \ as special; everything else is literal.
_glob_special := {"\\", ".", "+", "[", "]", "-"}

_glob_escape(s) := concat("", [_glob_char(c) | some c in split(s, "")])

_glob_char(c) := concat("", ["\\", c]) if c in _glob_special

_glob_char(c) := c if not c in _glob_special

_pattern_glob(pattern) := g if {
	is_string(pattern)
	g := replace(replace(_glob_escape(pattern), "*", ".*"), "?", ".")
}

_template_glob(template) := concat("", [_template_glob_segment(s) | some s in template])

_template_glob_segment(s) := replace(_glob_escape(s), "*", "\\*") if is_string(s)

_template_glob_segment(s) := sprintf("[%s]+", [object.get(hole_chars, s.hole, "A-Za-z0-9._\\-")]) if is_object(s)

_marker := ["", "\u0001", "\u0001\u0001", "\u0001\u0001\u0001"]

# marker(k): a run of k characters no pattern literal matches, standing for a value nobody chose
# (e.g. "any account"): what matches it for k = 1, 2 and 3 matches every value.
marker(k) := _marker[k]

_hole_count(template) := count([s | some s in template; is_object(s)])

_length_choices(0) := [[]]

_length_choices(1) := [[a] | some a in [1, 2, 3]]

_length_choices(2) := [[a, b] | some a in [1, 2, 3]; some b in [1, 2, 3]]

_length_choices(3) := [[a, b, c] | some a in [1, 3]; some b in [1, 3]; some c in [1, 3]]

_fillings(template) := [_fill(template, lengths) | some lengths in _length_choices(_hole_count(template))]

_fill(template, lengths) := concat("", [_fill_segment(template, i, lengths) | some i, _ in template])

_fill_segment(template, i, _) := template[i] if is_string(template[i])

_fill_segment(template, i, lengths) := _marker[lengths[n]] if {
	is_object(template[i])
	n := count([j | some j, s in template; j < i; is_object(s)])
}
