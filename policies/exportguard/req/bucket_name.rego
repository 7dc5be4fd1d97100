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
#   requires: [request]
#   remediation: >-
#     Name an existing bucket with a valid name, or create one in the image's region:
#     aliyun oss mb oss://my-export-bucket --acl private -e oss-cn-hangzhou.aliyuncs.com
package exportguard.req.bucket_name

deny contains finding if {
	name := input.request.ossBucket
	is_string(name)
	name != ""
	not regex.match(`^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$`, name)
	finding := {
		"msg": sprintf("OSSBucket \"%s\" is not a valid OSS bucket name (3-63 of a-z, 0-9 and -, starting and ending with a letter or digit): ExportImage would fail with InvalidOSSBucket.NotMatched", [name]),
		"resource": name,
	}
}
