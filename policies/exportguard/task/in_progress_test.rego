package exportguard.task.in_progress_test

import data.exportguard.lib.fixtures
import data.exportguard.task.in_progress

tasks(list) := fixtures.patched({"tasks": {"exportsInProgress": list}})

test_no_tasks_passes if {
	count(in_progress.deny) == 0 with input as fixtures.facts
}

test_other_images_pass if {
	count(in_progress.deny) == 0 with input as tasks([{"taskId": "t-1", "imageId": "m-other", "status": "Processing"}])
}

test_same_image_fails if {
	d := in_progress.deny with input as tasks([
		{"taskId": "t-1", "imageId": "m-other", "status": "Processing"},
		{"taskId": "t-2", "imageId": "m-bp1demo0001", "status": "Waiting"},
	])
	print("deny:", d)
	count(d) == 1
	some f in d
	f.resource == "t-2"
	contains(f.msg, "ImageIsExporting")
}

test_unknown_tasks_fail_closed if {
	count(in_progress.deny) == 1 with input as object.remove(fixtures.facts, ["tasks"])
}
