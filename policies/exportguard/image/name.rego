# METADATA
# scope: package
# title: Image name is well formed
# description: >-
#   The seed's rule for image names (InvalidImageName.Malformed, data imageNameRule): 2-128
#   characters, starting with an English letter or a Chinese character, containing only those,
#   digits, ".", "_" and "-", and not starting with http:// or https://.
# custom:
#   id: EG-IMAGE-007
#   severity: medium
#   prevents: InvalidImageName.Malformed
#   requires: [image.exists, image.name]
#   remediation: >-
#     Rename the image: aliyun ecs ModifyImageAttribute --RegionId <region> --ImageId <image>
#     --ImageName <new-name>
package exportguard.image.name

import data.exportguard.lib.facts
import data.exportguard.lib.fix

rule := data.exportguard.config.imageNameRule

problems contains problem if {
	not is_string(object.get(input, ["image", "name"], null))
	problem := "it has no name"
}

problems contains problem if {
	n := count(input.image.name)
	not between(n, rule.minLength, rule.maxLength)
	problem := sprintf("it is %d characters long, not %d-%d", [n, rule.minLength, rule.maxLength])
}

problems contains problem if {
	is_string(input.image.name)
	not regex.match(rule.pattern, input.image.name)
	problem := "it must start with a letter or Chinese character and contain only those, digits, '.', '_' and '-'"
}

problems contains problem if {
	some prefix in rule.forbiddenPrefixes
	startswith(lower(input.image.name), prefix)
	problem := sprintf("it must not start with %s", [prefix])
}

# suggestion: the name with what the rule forbids replaced, prefixed with "image-" when it does
# not start with a letter.
suggestion := s if {
	cleaned := regex.replace(regex.replace(input.image.name, `^https?://`, ""), `[^A-Za-z0-9\p{Han}._-]+`, "-")
	s := _lead(substring(cleaned, 0, rule.maxLength))
	regex.match(rule.pattern, s)
	count(s) >= rule.minLength
} else := "<new-name>"

_lead(s) := s if regex.match(`^[A-Za-z\p{Han}]`, s) else := substring(concat("", ["image-", s]), 0, rule.maxLength)

between(n, low, high) if {
	n >= low
	n <= high
}

deny contains finding if {
	facts.image_exists
	some problem in problems
	finding := {
		"msg": sprintf("image name \"%v\" is malformed: %s (InvalidImageName.Malformed)", [object.get(input.image, "name", null), problem]),
		"resource": facts.image_id,
		"remediation": sprintf("Rename the image: aliyun ecs ModifyImageAttribute --RegionId %s --ImageId %s --ImageName %s", [fix.quote(fix.region), fix.quote(fix.image), fix.quote(suggestion)]),
	}
}
