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

test_at_the_limit_the_remediation_names_when_a_slot_frees_up if {
	f := fixtures.patched({"request": {"regionId": "cn-shanghai"}, "tasks": {"exportsThisWeek": [
		{"taskId": "t-1", "imageId": "m-1", "status": "Finished", "createdAt": "2026-03-04T08:00Z"},
		{"taskId": "t-2", "imageId": "m-2", "status": "Finished", "createdAt": "2026-03-02T10:15Z"},
	]}})
	some x in weekly.deny with input as f with data.exportguard.config.maxWeeklyExports as 2
	x.remediation == "Wait until 2026-03-09T10:15Z, when the oldest export of the week (created 2026-03-02T10:15Z) is 7 days old, or ask Alibaba Cloud support to raise the quota; list them with aliyun ecs DescribeTasks --RegionId cn-shanghai --TaskAction ExportImage --StartTime 2026-03-02T10:15Z"
}
