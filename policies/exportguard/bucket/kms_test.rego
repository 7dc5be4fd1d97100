package exportguard.bucket.kms_test

import data.exportguard.bucket.kms
import data.exportguard.lib.fixtures

kms_bucket := fixtures.patched({"bucket": {"encryption": {"algorithm": "KMS", "kmsKeyId": "key-123"}}})

test_non_kms_bucket_passes if {
	count(kms.warn) == 0 with input as fixtures.facts
}

test_kms_bucket_without_kms_permissions_warns if {
	w := kms.warn with input as kms_bucket
	print("warn:", w)
	count(w) == 2
	some f in w
	f.resource == "acs:kms:cn-hangzhou:1234567890123456:key/key-123"
}

test_kms_permissions_silence_it if {
	kms_policy := {"name": "Kms", "document": {"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["kms:GenerateDataKey", "kms:Decrypt"], "Resource": ["acs:kms:*:*:key/*"]}]}}
	facts := object.union(kms_bucket, {"role": {"attachedPolicies": [fixtures.export_policy, kms_policy]}})
	w := kms.warn with input as facts
	print("warn:", w)
	count(w) == 0
}

test_partial_kms_permissions_warn_for_the_rest if {
	kms_policy := {"name": "Kms", "document": {"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["kms:Decrypt"], "Resource": ["*"]}]}}
	facts := object.union(kms_bucket, {"role": {"attachedPolicies": [fixtures.export_policy, kms_policy]}})
	w := kms.warn with input as facts
	count(w) == 1
	some f in w
	f.action == "kms:GenerateDataKey"
}
