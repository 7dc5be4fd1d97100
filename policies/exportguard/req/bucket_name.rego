# METADATA
# scope: package
# title: Bucket name follows the OSS naming rules
# description: >-
#   An OSS bucket name has 3-63 characters, only lower-case letters, digits and hyphens, and
#   starts and ends with a letter or digit. ExportImage rejects other names with
#   InvalidOSSBucket.NotMatched (and the OSS client refuses them, so bucket facts are skipped).
# custom:
#   id: EG-REQ-004
#   severity: high
#   prevents: InvalidOSSBucket.NotMatched
#   requires: [request.ossBucket]
#   remediation: >-
#     Name an existing bucket with a valid name, or create one in the image's region: aliyun oss mb
#     oss://<bucket> --acl private -e oss-<region>.aliyuncs.com
package exportguard.req.bucket_name

import data.exportguard.lib.facts
import data.exportguard.lib.fix

# suggestion: the name lower-cased, with runs of other characters turned into '-'.
suggestion(name) := s if {
	s := trim(regex.replace(lower(name), `[^a-z0-9]+`, "-"), "-")
	count(s) >= 3
	count(s) <= 63
} else := "<bucket>"

deny contains finding if {
	name := input.request.ossBucket
	is_string(name)
	name != ""
	not regex.match(`^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$`, name)
	finding := {
		"msg": sprintf("OSSBucket \"%s\" is not a valid OSS bucket name (3-63 of a-z, 0-9 and -, starting and ending with a letter or digit): ExportImage would fail with InvalidOSSBucket.NotMatched", [name]),
		"resource": name,
		"remediation": sprintf("Use a bucket name of 3-63 characters a-z, 0-9 and - (starting and ending with a letter or digit), e.g. create %s in %s: aliyun oss mb oss://%s --acl private -e %s", [
			suggestion(name), fix.region, suggestion(name), fix.oss_endpoint(fix.region),
		]),
	}
}
