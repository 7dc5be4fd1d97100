# METADATA
# scope: package
# title: Bucket exists
# description: >-
#   The target OSS bucket must exist; otherwise ExportImage fails with InvalidOSSBucket.NotFound.
# custom:
#   id: EG-BUCKET-001
#   severity: high
#   prevents: InvalidOSSBucket.NotFound
#   requires: [bucket.exists]
#   remediation: >-
#     Create the bucket in the image's region: aliyun oss mb oss://<bucket> --acl private -e
#     oss-<region>.aliyuncs.com
package exportguard.bucket.exists

import data.exportguard.lib.facts
import data.exportguard.lib.fix

deny contains finding if {
	input.bucket.exists == false
	finding := {
		"msg": sprintf("OSS bucket %s does not exist: ExportImage would fail with InvalidOSSBucket.NotFound", [facts.bucket_name]),
		"resource": facts.bucket_name,
		"remediation": sprintf("Create the bucket in the image's region: aliyun oss mb oss://%s --acl private -e %s", [fix.quote(fix.bucket), fix.oss_endpoint(fix.region)]),
	}
}

deny contains finding if {
	facts.unknown_existence("bucket")
	finding := {
		"msg": sprintf("whether OSS bucket %s exists is unknown: the facts have no bucket.exists", [facts.bucket_name]),
		"resource": facts.bucket_name,
		"remediation": sprintf("Create the bucket in the image's region: aliyun oss mb oss://%s --acl private -e %s", [fix.quote(fix.bucket), fix.oss_endpoint(fix.region)]),
	}
}
