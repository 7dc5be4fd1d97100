package exportguard.task.weekly_test

import data.exportguard.lib.fixtures
import data.exportguard.task.weekly

exported(n) := fixtures.patched({"tasks": {"exportsThisWeek": [t |
	some i in numbers.range(1, n)
	t := {"taskId": sprintf("t-%d", [i]), "imageId": "m-x", "status": "Finished"}
]}})

test_no_exports_passes if {
	count(weekly.warn) == 0 with input as fixtures.facts
	count(weekly.deny) == 0 with input as fixtures.facts with data.exportguard.config.maxWeeklyExports as 5
}

test_exports_warn_without_a_limit if {
	w := weekly.warn with input as exported(4)
	print("warn:", w)
	count(w) == 1
	count(weekly.deny) == 0 with input as exported(4)
}

test_below_the_limit_passes if {
	count(weekly.deny) == 0 with input as exported(4) with data.exportguard.config.maxWeeklyExports as 5
}

test_at_the_limit_fails if {
	d := weekly.deny with input as exported(5) with data.exportguard.config.maxWeeklyExports as 5
	print("deny:", d)
	count(d) == 1
	some f in d
	contains(f.msg, "WeeklyQuotaExceed.ExportImage")
}

test_unknown_tasks_are_reported if {
	count(weekly.warn) == 1 with input as object.remove(fixtures.facts, ["tasks"])
}
