# METADATA
# scope: package
# title: Exports this week below the weekly limit
# description: >-
#   ExportImage fails with WeeklyQuotaExceed.ExportImage past a weekly number of exports, which is
#   not published. With data maxWeeklyExports set, reaching it blocks; unset (null, the default),
#   this week's exports are reported as advisory.
# custom:
#   id: EG-TASK-003
#   severity: medium
#   prevents: WeeklyQuotaExceed.ExportImage
#   requires: [tasks]
#   remediation: >-
#     Export next week or ask Alibaba Cloud support to raise the quota; list this week's exports with
#     aliyun ecs DescribeTasks --RegionId cn-hangzhou --TaskAction ExportImage --StartTime 2026-01-05T00:00Z,
#     and set your account's limit with --data, e.g. {"maxWeeklyExports": 20}.
package exportguard.task.weekly

import data.exportguard.lib.facts

limit := data.exportguard.config.maxWeeklyExports

this_week := input.tasks.exportsThisWeek

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
	count(this_week) >= limit
	finding := {
		"msg": sprintf("%d export(s) this week in %s, the limit is %d: ExportImage would fail with WeeklyQuotaExceed.ExportImage", [count(this_week), facts.region_id, limit]),
		"resource": facts.region_id,
	}
}

findings contains finding if {
	not is_number(limit)
	count(this_week) > 0
	finding := {
		"msg": sprintf("%d export(s) this week in %s; the weekly export quota is not published (set maxWeeklyExports to check it)", [count(this_week), facts.region_id]),
		"resource": facts.region_id,
	}
}

findings contains finding if {
	not is_array(this_week)
	finding := {
		"msg": sprintf("this week's exports in %s are unknown: the facts have no tasks.exportsThisWeek", [facts.region_id]),
		"resource": facts.region_id,
	}
}
