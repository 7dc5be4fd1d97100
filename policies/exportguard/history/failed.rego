# METADATA
# scope: package
# title: Failed exports
# description: >-
#   An ExportImage task of the history that failed, with the error code its operations report
#   (DescribeTaskAttribute), and the preflight check that predicts that code, when one does: running
#   exportguard preflight before the export would have said why.
# custom:
#   id: EG-HIST-004
#   severity: low
#   requires: [exportTask]
#   remediation: >-
#     See what the task reported (aliyun ecs DescribeTaskAttribute --RegionId <region> --TaskId
#     <task>), then run exportguard preflight --region <region> --image <image> --bucket <bucket>
#     before exporting again; it names the check that fails and its fix.
package exportguard.history.failed

import data.exportguard.lib.fix
import data.exportguard.lib.history

task := history.task

# The checks that predict each ExportImage error code (policies/README.md, "prevents").
predicted_by := {
	"MissingParameter": "EG-REQ-001",
	"InvalidOSSPrefix.Malformed": "EG-REQ-002",
	"InvalidImageFormat.Malformed": "EG-REQ-003",
	"InvalidOSSBucket.NotMatched": "EG-REQ-004",
	"InvalidRegionId.NotFound": "EG-REGION-001",
	"InvalidRegion.NotSupport": "EG-REGION-002",
	"InvalidImageId.NotFound": "EG-IMAGE-001/002",
	"IncorrectImageStatus": "EG-IMAGE-003",
	"ImageNotSupported": "EG-IMAGE-004/005",
	"InvalidImage.DiskAmountOrSize": "EG-IMAGE-006",
	"InvalidImageName.Malformed": "EG-IMAGE-007",
	"InvalidImageLicense.NotSupported": "EG-IMAGE-008",
	"NoSetRoletoECSServiceAcount": "EG-ROLE-001/002/003, EG-BUCKET-004",
	"InvalidOSSBucket.NotFound": "EG-BUCKET-001/002",
	"ImageIsExporting": "EG-TASK-001",
	"ConcurrentQuotaExceed.ExportImage": "EG-TASK-002",
	"WeeklyQuotaExceed.ExportImage": "EG-TASK-003",
}

code := history.text(object.get(task, "errorCode", null), "no error code reported")

prediction := sprintf("; preflight predicts it with %s", [predicted_by[code]]) if predicted_by[code] else := ""

failed if task.status == "Failed"

failed if history.text(object.get(task, "errorCode", null), "") != ""

warn contains finding if {
	failed
	finding := {
		"msg": sprintf("export task %s (%s) of image %s to bucket %s failed: %s%s%s", [
			history.task_id, history.when, history.image_id, history.bucket, code, message, prediction,
		]),
		"resource": history.task_id,
		"remediation": sprintf("See what task %s reported (aliyun ecs DescribeTaskAttribute --RegionId %s --TaskId %s), then check the export before running it again: exportguard preflight --region %s --image %s --bucket %s", [
			history.task_id, fix.quote(history.region_id), fix.quote(history.task_id),
			fix.quote(history.region_id), fix.quote(history.image_id), fix.quote(history.bucket),
		]),
	}
}

message := sprintf(" (%s)", [task.errorMessage]) if history.text(object.get(task, "errorMessage", null), "") != "" else := ""
