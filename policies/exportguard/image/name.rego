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
#   requires: [image]
#   remediation: >-
#     Rename the image: aliyun ecs ModifyImageAttribute --RegionId cn-hangzhou --ImageId m-xxxx --ImageName web-base-2024
package exportguard.image.name

import data.exportguard.lib.facts

rule := data.exportguard.config.imageNameRule

problems contains problem if {
	not is_string(input.image.name)
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
	}
}
