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
#     Export when the oldest export of the week is 7 days old, or ask Alibaba Cloud support to raise
#     the quota; list this week's exports with aliyun ecs DescribeTasks --RegionId <region>
#     --TaskAction ExportImage --StartTime <oldest-export-time>, and set your account's limit with
#     --data, e.g. {"maxWeeklyExports": 20}.
package exportguard.task.weekly

import data.exportguard.lib.facts
import data.exportguard.lib.fix

limit := data.exportguard.config.maxWeeklyExports

this_week := input.tasks.exportsThisWeek

# oldest: the creation time of this week's oldest export, when the facts have one (DescribeTasks
# gives minute precision, 2026-01-05T08:30Z; RFC 3339 is read too).
oldest := min(times) if {
	times := [ns | some task in this_week; ns := _parse(task.createdAt)]
	count(times) > 0
}

_parse(t) := time.parse_rfc3339_ns(t) if is_string(t)

else := time.parse_ns("2006-01-02T15:04Z07:00", t)

list_command(start) := sprintf("aliyun ecs DescribeTasks --RegionId %s --TaskAction ExportImage --StartTime %s", [fix.quote(fix.region), start])

set_limit := "set your account's limit with --data, e.g. {\"maxWeeklyExports\": 20}"

# At the limit: when the next slot frees up, from the oldest export's creation time.
at_limit := sprintf("Wait until %s, when the oldest export of the week (created %s) is 7 days old, or ask Alibaba Cloud support to raise the quota; list them with %s", [
	_minute(time.add_date(oldest, 0, 0, 7)), _minute(oldest), list_command(_minute(oldest)),
]) if oldest

else := sprintf("Wait until an export of the last 7 days is 7 days old, or ask Alibaba Cloud support to raise the quota; list them with %s", [list_command("<7-days-ago>")])

advisory := sprintf("List this week's exports (%s) and %s", [list_command("<7-days-ago>"), set_limit])

# _minute formats nanoseconds as the minute-precision UTC time DescribeTasks takes (2026-01-05T08:30Z).
_minute(ns) := sprintf("%sZ", [substring(time.format([ns, "UTC", "2006-01-02T15:04:05Z07:00"]), 0, 16)])

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
		"remediation": at_limit,
	}
}

findings contains finding if {
	not is_number(limit)
	count(this_week) > 0
	finding := {
		"msg": sprintf("%d export(s) this week in %s; the weekly export quota is not published (set maxWeeklyExports to check it)", [count(this_week), facts.region_id]),
		"resource": facts.region_id,
		"remediation": advisory,
	}
}

findings contains finding if {
	not is_array(object.get(input, ["tasks", "exportsThisWeek"], null))
	finding := {
		"msg": sprintf("this week's exports in %s are unknown: the facts have no tasks.exportsThisWeek", [facts.region_id]),
		"resource": facts.region_id,
		"remediation": advisory,
	}
}
