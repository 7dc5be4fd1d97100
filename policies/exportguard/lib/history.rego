# METADATA
# scope: package
# title: Export history helpers
# description: >-
#   Names of what an export of an account audit's history is about (the exportTask and exportBucket
#   areas), always defined (a placeholder when a fact is missing), for the history checks' findings.
#   Not a check: no custom.id.
package exportguard.lib.history

import data.exportguard.lib.facts
import data.exportguard.lib.fix

task := object.get(input, "exportTask", {})

text(value, placeholder) := value if {
	is_string(value)
	value != ""
} else := placeholder

task_id := text(object.get(task, "taskId", null), "(unknown task)")

region_id := text(object.get(task, "regionId", null), facts.region_id)

image_id := text(object.get(task, "imageId", null), "(unknown image)")

bucket := text(object.get(task, "ossBucket", null), text(object.get(object.get(input, "request", {}), "ossBucket", null), "(unknown bucket)"))

when := sprintf("created %s, %s", [text(object.get(task, "createdAt", null), "at an unknown time"), text(object.get(task, "status", null), "status unknown")])

exported := object.get(input, "exportBucket", {})

account := text(object.get(exported, "ownerId", null), "<account>")

role_name := facts.role_name

# bucket_resource names the bucket for findings: oss://bucket.
bucket_resource := sprintf("oss://%s", [bucket])

objects := [o | some o in object.get(task, "objects", []); is_string(o)]

object_list := concat(", ", [sprintf("oss://%s/%s", [bucket, o]) | some o in objects]) if count(objects) > 0 else := sprintf("the objects under oss://%s/", [bucket])

# remove_objects: the commands that delete what the task wrote.
remove_objects := concat("; ", [sprintf("aliyun oss rm %s", [fix.quote(sprintf("oss://%s/%s", [bucket, o]))]) | some o in objects]) if {
	count(objects) > 0
} else := sprintf("aliyun oss ls %s (then aliyun oss rm each object the task wrote)", [fix.quote(sprintf("oss://%s/", [bucket]))])
