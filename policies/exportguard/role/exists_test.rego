package exportguard.role.exists_test

import data.exportguard.lib.fixtures
import data.exportguard.role.exists

test_existing_role_passes if {
	count(exists.deny) == 0 with input as fixtures.facts
}

test_missing_role_fails if {
	d := exists.deny with input as fixtures.patched({"role": {"exists": false}})
	print("deny:", d)
	count(d) == 1
	some f in d
	f.resource == "AliyunECSImageExportDefaultRole"
}

test_no_role_area_fails_closed if {
	count(exists.deny) == 1 with input as object.remove(fixtures.facts, ["role"])
}
