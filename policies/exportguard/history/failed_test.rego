package exportguard.history.failed_test

import data.exportguard.history.failed
import data.exportguard.lib.audit_fixtures

test_a_finished_export_passes if {
	count(failed.warn) == 0 with input as audit_fixtures.export
}

test_a_failed_export_warns_with_its_code_and_the_check_that_predicts_it if {
	w := failed.warn with input as audit_fixtures.exported({"exportTask": {
		"status": "Failed", "errorCode": "NoSetRoletoECSServiceAcount", "errorMessage": "role not set",
	}})
	print("warn:", w)
	count(w) == 1
	some f in w
	contains(f.msg, "NoSetRoletoECSServiceAcount (role not set)")
	contains(f.msg, "EG-ROLE-001")
	contains(f.remediation, "exportguard preflight --region cn-shanghai --image m-uf6a01 --bucket team-exports")
}

test_a_failure_without_a_code_still_warns if {
	w := failed.warn with input as audit_fixtures.exported({"exportTask": {"status": "Failed"}})
	some f in w
	contains(f.msg, "no error code reported")
}
