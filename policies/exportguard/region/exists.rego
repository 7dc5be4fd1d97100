# METADATA
# scope: package
# title: Region exists
# description: >-
#   The request's RegionId must be a region that DescribeRegions lists; an unknown one fails with
#   InvalidRegionId.NotFound (and no regional endpoint exists to gather the other facts).
# custom:
#   id: EG-REGION-001
#   severity: high
#   prevents: InvalidRegionId.NotFound
#   requires: [region]
#   remediation: >-
#     List the valid region ids and use one of them: aliyun ecs DescribeRegions --output
#     cols=RegionId,LocalName rows=Regions.Region[]
package exportguard.region.exists

import data.exportguard.lib.facts
import data.exportguard.lib.fix

deny contains finding if {
	input.region.exists == false
	finding := {
		"msg": sprintf("region %s does not exist (DescribeRegions does not list it): ExportImage would fail with InvalidRegionId.NotFound", [facts.region_id]),
		"resource": facts.region_id,
		"remediation": sprintf("%s is not a region id: list the valid ones (aliyun ecs DescribeRegions --output cols=RegionId,LocalName rows=Regions.Region[]) and rerun with --region set to the image's region", [facts.region_id]),
	}
}

deny contains finding if {
	facts.unknown_existence("region")
	finding := {
		"msg": sprintf("whether region %s exists is unknown: the facts have no region.exists", [facts.region_id]),
		"resource": facts.region_id,
		"remediation": sprintf("Gather the facts again (exportguard preflight --region %s --image %s --bucket %s --save-facts facts.json)", [fix.quote(fix.region), fix.quote(fix.image), fix.quote(fix.bucket)]),
	}
}
