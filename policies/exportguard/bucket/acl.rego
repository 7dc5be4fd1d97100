# METADATA
# scope: package
# title: Bucket ACL is not public
# description: >-
#   A full disk image of a server (keys, credentials, data) must not land in a bucket anyone can
#   read (public-read) or write (public-read-write).
# custom:
#   id: EG-BUCKET-003
#   severity: critical
#   requires: [bucket.exists, bucket.acl]
#   remediation: >-
#     Make the bucket private: aliyun oss set-acl oss://<bucket> private -b
package exportguard.bucket.acl

import data.exportguard.lib.facts
import data.exportguard.lib.fix

public_acls := {"public-read", "public-read-write"}

deny contains finding if {
	facts.bucket_exists
	input.bucket.acl in public_acls
	finding := {
		"msg": sprintf("OSS bucket %s has ACL %s: the exported image would be public", [facts.bucket_name, input.bucket.acl]),
		"resource": facts.bucket_name,
		"remediation": sprintf("Make the bucket private: aliyun oss set-acl oss://%s private -b", [fix.quote(fix.bucket)]),
	}
}

# An unreadable ACL fails closed, except for a bucket in another region, whose facts the regional
# endpoint cannot read and which EG-BUCKET-002 already fails.
deny contains finding if {
	facts.bucket_exists
	not facts.bucket_elsewhere
	not is_string(object.get(input.bucket, "acl", null))
	finding := {
		"msg": sprintf("the ACL of OSS bucket %s is unknown", [facts.bucket_name]),
		"resource": facts.bucket_name,
		"remediation": sprintf("Check the ACL (aliyun oss stat oss://%s) and make the bucket private if it is not: aliyun oss set-acl oss://%s private -b", [fix.quote(fix.bucket), fix.quote(fix.bucket)]),
	}
}
