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
#   requires: [request.regionId, request.imageFormat]
#   remediation: >-
#     Export as raw and convert afterwards (qemu-img convert -f raw -O <format> disk.raw
#     disk.<format>), or export from a format region: aliyun ecs CopyImage --RegionId <region>
#     --ImageId <image> --DestinationRegionId ap-southeast-1
package exportguard.region.format

import data.exportguard.lib.facts
import data.exportguard.lib.fix

# format_region: a region that honours the format, for the copy command.
format_region := r if {
	r := data.exportguard.config.formatRegions[0]
	is_string(r)
} else := "<format-region>"

warn contains finding if {
	format := input.request.imageFormat
	format in data.exportguard.config.imageFormats
	format != "raw"
	not input.request.regionId in data.exportguard.config.formatRegions
	finding := {
		"msg": sprintf("ImageFormat %s is not honoured in region %s: the export will silently be RAW", [format, facts.region_id]),
		"resource": facts.region_id,
		"remediation": sprintf("Export as raw and convert afterwards (qemu-img convert -f raw -O %s disk.raw disk.%s), or copy the image to a region that honours the format and export it there: %s", [
			format, format, fix.copy_image(format_region),
		]),
	}
}
