# METADATA
# scope: package
# title: Region supports image export
# description: >-
#   Some regions reject ExportImage with InvalidRegion.NotSupport; no list is published, so the
#   regions are a data list (unsupportedRegions, empty by default) that users fill in with --data.
# custom:
#   id: EG-REGION-002
#   severity: high
#   prevents: InvalidRegion.NotSupport
#   requires: [request]
#   remediation: >-
#     Copy the image to a region that supports export and export it there: aliyun ecs CopyImage
#     --RegionId cn-hangzhou --ImageId m-xxxx --DestinationRegionId cn-shanghai --DestinationImageName web-base-copy
package exportguard.region.supported

import data.exportguard.lib.facts

deny contains finding if {
	input.request.regionId in data.exportguard.config.unsupportedRegions
	finding := {
		"msg": sprintf("region %s is listed in unsupportedRegions: ExportImage would fail with InvalidRegion.NotSupport", [facts.region_id]),
		"resource": facts.region_id,
	}
}
