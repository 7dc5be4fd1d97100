# METADATA
# scope: package
# title: Bucket has server-side encryption
# description: >-
#   An exported disk image holds everything that was on the server; the bucket should encrypt
#   objects at rest by default (SSE with AES256, KMS or SM4).
# custom:
#   id: EG-BUCKET-006
#   severity: medium
#   requires: [bucket.exists, bucketEncryption]
#   remediation: >-
#     aliyun oss bucket-encryption --method put oss://<bucket> --sse-algorithm AES256
package exportguard.bucket.encryption

import data.exportguard.lib.facts
import data.exportguard.lib.fix

encrypting := {"AES256", "KMS", "SM4"}

warn contains finding if {
	facts.bucket_exists
	not encrypted
	finding := {
		"msg": sprintf("OSS bucket %s has no default server-side encryption (algorithm %v)", [facts.bucket_name, algorithm]),
		"resource": facts.bucket_name,
		"remediation": sprintf("Turn on default encryption: aliyun oss bucket-encryption --method put oss://%s --sse-algorithm AES256", [fix.quote(fix.bucket)]),
	}
}

# encrypted: a known algorithm that encrypts (a missing or null one does not).
encrypted if upper(algorithm) in encrypting

algorithm := a if {
	a := input.bucket.encryption.algorithm
} else := null
