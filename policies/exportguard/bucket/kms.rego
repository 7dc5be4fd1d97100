# METADATA
# scope: package
# title: KMS-encrypted bucket may need KMS permissions for the role
# description: >-
#   With SSE-KMS, writing and reading objects may need kms:GenerateDataKey and kms:Decrypt (data
#   kmsActions) on the bucket's key; whether the export role needs them is not documented, so this
#   is advisory. It is quiet when the role's attached policies already allow them on the key.
# custom:
#   id: EG-BUCKET-007
#   severity: low
#   requires: [bucket.exists, bucketEncryption, role, rolePolicies]
#   remediation: >-
#     Allow the role to use the key: aliyun ram CreatePolicy --PolicyName ExportImageKms
#     --PolicyDocument
#     '{"Version":"1","Statement":[{"Effect":"Allow","Action":["kms:GenerateDataKey","kms:Decrypt"],"Resource":["acs:kms:*:*:key/<key-id>"]}]}'
#     && aliyun ram AttachPolicyToRole --PolicyType Custom --PolicyName ExportImageKms --RoleName
#     <role>
package exportguard.bucket.kms

import data.exportguard.lib.export
import data.exportguard.lib.facts
import data.exportguard.lib.fix
import data.exportguard.lib.ram

entries := ram.statements(facts.attached_policies)

key_id := k if {
	k := input.bucket.encryption.kmsKeyId
	is_string(k)
	k != ""
} else := "*"

account := a if {
	a := export.account_id(input.role)
} else := "*"

key_arn := sprintf("acs:kms:%s:%s:key/%s", [facts.region_id, account, key_id])

remediation := sprintf("Allow role %s to use the key: aliyun ram CreatePolicy --PolicyName ExportImageKms --PolicyDocument %s && aliyun ram AttachPolicyToRole --PolicyType Custom --PolicyName ExportImageKms --RoleName %s", [
	facts.role_name,
	fix.quote(json.marshal({"Version": "1", "Statement": [{"Effect": "Allow", "Action": data.exportguard.config.kmsActions, "Resource": [sprintf("acs:kms:%s:*:key/%s", [fix.region, key_id])]}]})),
	fix.quote(facts.role_name),
])

warn contains finding if {
	facts.bucket_exists
	upper(input.bucket.encryption.algorithm) == "KMS"
	some action in data.exportguard.config.kmsActions
	count(ram.allowed_by(entries, action, [key_arn])) == 0
	finding := {
		"msg": sprintf("OSS bucket %s is encrypted with KMS key %s; role %s has no %s on %s and may need it", [facts.bucket_name, key_id, facts.role_name, action, key_arn]),
		"resource": key_arn,
		"action": action,
		"remediation": remediation,
	}
}
