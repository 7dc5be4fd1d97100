# METADATA
# scope: package
# title: Exports in progress below the concurrent limit
# description: >-
#   ExportImage fails with ConcurrentQuotaExceed.ExportImage when too many exports run at once,
#   but the number is not published. With data maxConcurrentExports set, reaching it blocks;
#   unset (null, the default), exports already running are reported as advisory.
# custom:
#   id: EG-TASK-002
#   severity: medium
#   prevents: ConcurrentQuotaExceed.ExportImage
#   requires: [tasks]
#   remediation: >-
#     Wait for running exports to finish (aliyun ecs DescribeTasks --RegionId <region> --TaskAction
#     ExportImage --TaskStatus Processing), and set your account's limit with --data, e.g.
#     {"maxConcurrentExports": 2}.
package exportguard.task.concurrent

import data.exportguard.lib.facts
import data.exportguard.lib.fix

limit := data.exportguard.config.maxConcurrentExports

running := input.tasks.exportsInProgress

remediation := sprintf("Wait for the running exports to finish (aliyun ecs DescribeTasks --RegionId %s --TaskAction ExportImage --TaskStatus Processing) and set your account's limit with --data, e.g. {\"maxConcurrentExports\": 2}", [fix.quote(fix.region)])

deny contains finding if {
	is_number(limit)
	some finding in findings
}

warn contains finding if {
	not is_number(limit)
	some finding in findings
}

findings contains finding if {
	is_number(limit)
	count(running) >= limit
	finding := {
		"msg": sprintf("%d export(s) in progress in %s, the limit is %d: ExportImage would fail with ConcurrentQuotaExceed.ExportImage", [count(running), facts.region_id, limit]),
		"resource": facts.region_id,
		"remediation": remediation,
	}
}

findings contains finding if {
	not is_number(limit)
	count(running) > 0
	finding := {
		"msg": sprintf("%d export(s) in progress in %s; the concurrent export quota is not published (set maxConcurrentExports to check it)", [count(running), facts.region_id]),
		"resource": facts.region_id,
		"remediation": remediation,
	}
}

findings contains finding if {
	not is_array(object.get(input, ["tasks", "exportsInProgress"], null))
	finding := {
		"msg": sprintf("the exports in progress in %s are unknown: the facts have no tasks.exportsInProgress", [facts.region_id]),
		"resource": facts.region_id,
		"remediation": remediation,
	}
}
