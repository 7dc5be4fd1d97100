package exportguard.bucket.encryption_test

import data.exportguard.bucket.encryption
import data.exportguard.lib.fixtures

test_encrypted_buckets_pass if {
	every a in ["AES256", "KMS", "SM4", "aes256"] {
		count(encryption.warn) == 0 with input as fixtures.patched({"bucket": {"encryption": {"algorithm": a}}})
	}
}

test_unencrypted_bucket_warns if {
	every a in ["none", "None", "", null] {
		w := encryption.warn with input as fixtures.patched({"bucket": {"encryption": {"algorithm": a}}})
		print("algorithm", a, "warn:", w)
		count(w) == 1
	}
}

test_unknown_encryption_warns if {
	count(encryption.warn) == 1 with input as fixtures.patched({"bucket": {"encryption": null}})
}
