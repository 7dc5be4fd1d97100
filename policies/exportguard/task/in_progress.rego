# METADATA
# scope: package
# title: No export of this image in progress
# description: >-
#   Only one export of an image can run at a time; a second fails with ImageIsExporting.
# custom:
#   id: EG-TASK-001
#   severity: high
#   prevents: ImageIsExporting
#   requires: [request, tasks]
#   remediation: >-
#     Wait for the running export (aliyun ecs DescribeTaskAttribute --RegionId cn-hangzhou --TaskId t-xxxx)
#     or cancel it: aliyun ecs CancelTask --RegionId cn-hangzhou --TaskId t-xxxx
package exportguard.task.in_progress

import data.exportguard.lib.facts

deny contains finding if {
	some task in input.tasks.exportsInProgress
	task.imageId == input.request.imageId
	finding := {
		"msg": sprintf("image %s is already being exported by task %v (status %v): ExportImage would fail with ImageIsExporting", [facts.image_id, object.get(task, "taskId", "?"), object.get(task, "status", "?")]),
		"resource": object.get(task, "taskId", facts.image_id),
	}
}

deny contains finding if {
	not is_array(input.tasks.exportsInProgress)
	finding := {
		"msg": sprintf("whether image %s is already being exported is unknown: the facts have no tasks.exportsInProgress", [facts.image_id]),
		"resource": facts.image_id,
	}
}
