package exportguard.task.concurrent_test

import data.exportguard.lib.fixtures
import data.exportguard.task.concurrent

running(n) := fixtures.patched({"tasks": {"exportsInProgress": [t |
	some i in numbers.range(1, n)
	t := {"taskId": sprintf("t-%d", [i]), "imageId": sprintf("m-%d", [i]), "status": "Processing"}
]}})

test_nothing_running_passes if {
	count(concurrent.warn) == 0 with input as fixtures.facts
	count(concurrent.deny) == 0 with input as fixtures.facts with data.exportguard.config.maxConcurrentExports as 2
}

test_running_exports_warn_without_a_limit if {
	w := concurrent.warn with input as running(3)
	print("warn:", w)
	count(w) == 1
	count(concurrent.deny) == 0 with input as running(3)
}

test_below_the_limit_passes if {
	d := concurrent.deny with input as running(1) with data.exportguard.config.maxConcurrentExports as 2
	count(d) == 0
	count(concurrent.warn) == 0 with input as running(1) with data.exportguard.config.maxConcurrentExports as 2
}

test_at_the_limit_fails if {
	d := concurrent.deny with input as running(2) with data.exportguard.config.maxConcurrentExports as 2
	print("deny:", d)
	count(d) == 1
	some f in d
	contains(f.msg, "ConcurrentQuotaExceed.ExportImage")
}

test_unknown_tasks_are_reported if {
	count(concurrent.warn) == 1 with input as object.remove(fixtures.facts, ["tasks"])
	count(concurrent.deny) == 1 with input as object.remove(fixtures.facts, ["tasks"]) with data.exportguard.config.maxConcurrentExports as 2
}
