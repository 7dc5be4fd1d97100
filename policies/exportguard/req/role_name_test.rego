package exportguard.req.role_name_test

import data.exportguard.lib.fixtures
import data.exportguard.req.role_name

test_default_role_passes if {
	count(role_name.warn) == 0 with input as fixtures.facts
	count(role_name.warn) == 0 with input as fixtures.patched({"request": {"roleName": null}})
}

test_other_role_warns if {
	w := role_name.warn with input as fixtures.patched({"request": {"roleName": "MyExportRole"}})
	print("warn:", w)
	count(w) == 1
	some f in w
	f.resource == "MyExportRole"
}
