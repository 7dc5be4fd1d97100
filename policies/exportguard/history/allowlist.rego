# METADATA
# scope: package
# title: Exports went only to approved buckets
# description: >-
#   Every ExportImage task of the history (--since, 30 days by default) wrote to a bucket that
#   allowedExportBuckets approves (bucket names, '*' wildcards). An image exported anywhere else
#   left the place the security team watches. Without allowedExportBuckets there is nothing to
#   compare with, and the check passes.
# custom:
#   id: EG-HIST-001
#   severity: high
#   requires: [exportTask]
#   remediation: >-
#     Find out who exported the image and why; if the export was not approved, delete the objects it
#     wrote (aliyun oss rm oss://<bucket>/<object>), else add the bucket to allowedExportBuckets.
package exportguard.history.allowlist

import data.exportguard.lib.fix
import data.exportguard.lib.history
import data.exportguard.lib.patterns

allowed := data.exportguard.config.allowedExportBuckets

approved(bucket) if {
	some pattern in allowed
	is_string(pattern)
	patterns.wildcard_match(pattern, bucket)
}

deny contains finding if {
	is_array(allowed)
	not approved(history.bucket)
	finding := {
		"msg": sprintf("export task %s (%s) wrote image %s to bucket %s, which allowedExportBuckets does not approve", [
			history.task_id, history.when, history.image_id, history.bucket,
		]),
		"resource": history.bucket_resource,
		"remediation": sprintf("Find out who ran task %s and why (aliyun ecs DescribeTaskAttribute --RegionId %s --TaskId %s); if it was not approved, delete what it wrote: %s; otherwise add %s to allowedExportBuckets", [
			history.task_id, fix.quote(history.region_id), fix.quote(history.task_id), history.remove_objects, fix.quote(history.bucket),
		]),
	}
}
