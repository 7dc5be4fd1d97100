package exportguard.image.status_test

import data.exportguard.image.status
import data.exportguard.lib.fixtures

test_available_passes if {
	count(status.deny) == 0 with input as fixtures.facts
}

test_other_states_fail if {
	every s in ["Creating", "Waiting", "UnAvailable", "CreateFailed", "Deprecated", "available", null] {
		d := status.deny with input as fixtures.patched({"image": {"status": s}})
		print("status", s, "deny:", d)
		count(d) == 1
	}
}

test_missing_status_fails_closed if {
	count(status.deny) == 1 with input as {"image": {"exists": true}}
}
