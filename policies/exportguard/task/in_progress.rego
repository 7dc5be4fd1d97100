# METADATA
# scope: package
# title: No export of this image in progress
# description: >-
#   Only one export of an image can run at a time; a second fails with ImageIsExporting.
# custom:
#   id: EG-TASK-001
#   severity: high
#   prevents: ImageIsExporting
#   requires: [request.imageId, tasks]
#   remediation: >-
#     Wait for the running export (aliyun ecs DescribeTaskAttribute --RegionId <region> --TaskId
#     <task-id>) or cancel it: aliyun ecs CancelTask --RegionId <region> --TaskId <task-id>
package exportguard.task.in_progress

import data.exportguard.lib.facts
import data.exportguard.lib.fix

task_id(task) := id if {
	id := task.taskId
	is_string(id)
} else := "<task-id>"

deny contains finding if {
	some task in input.tasks.exportsInProgress
	task.imageId == input.request.imageId
	finding := {
		"msg": sprintf("image %s is already being exported by task %v (status %v): ExportImage would fail with ImageIsExporting", [facts.image_id, object.get(task, "taskId", "?"), object.get(task, "status", "?")]),
		"resource": object.get(task, "taskId", facts.image_id),
		"remediation": sprintf("Wait for task %v to finish (aliyun ecs DescribeTaskAttribute --RegionId %s --TaskId %s) or cancel it: aliyun ecs CancelTask --RegionId %s --TaskId %s", [
			task_id(task), fix.quote(fix.region), fix.quote(task_id(task)), fix.quote(fix.region), fix.quote(task_id(task)),
		]),
	}
}

task_id(task) := id if {
	id := task.taskId
	is_string(id)
} else := "<task-id>"

deny contains finding if {
	not is_array(object.get(input, ["tasks", "exportsInProgress"], null))
	finding := {
		"msg": sprintf("whether image %s is already being exported is unknown: the facts have no tasks.exportsInProgress", [facts.image_id]),
		"resource": facts.image_id,
		"remediation": sprintf("List the exports in progress: aliyun ecs DescribeTasks --RegionId %s --TaskAction ExportImage --TaskStatus Processing", [fix.quote(fix.region)]),
	}
}
