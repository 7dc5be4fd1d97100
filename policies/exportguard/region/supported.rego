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
#   requires: [request.regionId]
#   remediation: >-
#     Copy the image to a region that supports export and export it there: aliyun ecs CopyImage
#     --RegionId <region> --ImageId <image> --DestinationRegionId <other-region>
#     --DestinationImageName <name>-copy
package exportguard.region.supported

import data.exportguard.lib.facts
import data.exportguard.lib.fix

deny contains finding if {
	input.request.regionId in data.exportguard.config.unsupportedRegions
	finding := {
		"msg": sprintf("region %s is listed in unsupportedRegions: ExportImage would fail with InvalidRegion.NotSupport", [facts.region_id]),
		"resource": facts.region_id,
		"remediation": sprintf("Copy the image to a region that supports export and export it there: %s", [fix.copy_image("<other-region>")]),
	}
}
