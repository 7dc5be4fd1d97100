# METADATA
# scope: package
# title: The chosen image format is honoured in this region
# description: >-
#   ImageFormat is honoured only in some regions (data list formatRegions: Tokyo, Jakarta,
#   Frankfurt, Dubai, Virginia, London, Singapore, Kuala Lumpur, Silicon Valley); elsewhere the
#   export silently produces RAW.
# custom:
#   id: EG-REGION-003
#   severity: low
#   requires: [request]
#   remediation: >-
#     Export as raw and convert afterwards (qemu-img convert -f raw -O qcow2 disk.raw disk.qcow2), or
#     export from a format region: aliyun ecs CopyImage --RegionId cn-hangzhou --ImageId m-xxxx
#     --DestinationRegionId ap-southeast-1
package exportguard.region.format

import data.exportguard.lib.facts

warn contains finding if {
	format := input.request.imageFormat
	format in data.exportguard.config.imageFormats
	format != "raw"
	not input.request.regionId in data.exportguard.config.formatRegions
	finding := {
		"msg": sprintf("ImageFormat %s is not honoured in region %s: the export will silently be RAW", [format, facts.region_id]),
		"resource": facts.region_id,
	}
}
