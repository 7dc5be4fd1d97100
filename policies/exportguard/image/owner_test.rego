package exportguard.image.owner_test

import data.exportguard.image.owner
import data.exportguard.lib.fixtures

test_own_image_passes if {
	count(owner.deny) == 0 with input as fixtures.facts
}

test_other_owners_fail if {
	every alias in ["system", "others", "marketplace", null] {
		d := owner.deny with input as fixtures.patched({"image": {"ownerAlias": alias}})
		print("owner", alias, "deny:", d)
		count(d) == 1
	}
}

test_missing_owner_fails_closed if {
	d := owner.deny with input as fixtures.patched({"image": {"ownerAlias": null}})
	some f in d
	contains(f.msg, "\"unknown\"")
}

test_missing_image_is_left_to_eg_image_001 if {
	count(owner.deny) == 0 with input as fixtures.patched({"image": {"exists": false, "ownerAlias": null}})
}
