# METADATA
# scope: package
# title: ImageFormat is raw, vhd, qcow2, vmdk or vdi
# description: >-
#   ExportImage accepts only the formats raw, vhd, qcow2, vmdk and vdi (data list imageFormats);
#   any other value fails with InvalidImageFormat.Malformed. Leaving it out means raw.
# custom:
#   id: EG-REQ-003
#   severity: high
#   prevents: InvalidImageFormat.Malformed
#   requires: [request.imageFormat]
#   remediation: >-
#     Pick a supported format: aliyun ecs ExportImage --RegionId <region> --ImageId <image>
#     --OSSBucket <bucket> --ImageFormat qcow2 (or raw, vhd, vmdk, vdi).
package exportguard.req.format

import data.exportguard.lib.facts
import data.exportguard.lib.fix

suggestion(format) := lower(format) if lower(format) in data.exportguard.config.imageFormats else := "raw"

deny contains finding if {
	format := input.request.imageFormat
	format != null
	not format in data.exportguard.config.imageFormats
	finding := {
		"msg": sprintf("ImageFormat \"%v\" is not one of %v: ExportImage would fail with InvalidImageFormat.Malformed", [format, concat(", ", data.exportguard.config.imageFormats)]),
		"resource": "ImageFormat",
		"remediation": sprintf("Pick one of %s: %s", [concat(", ", data.exportguard.config.imageFormats), fix.export_command(facts.prefix, sprintf("--ImageFormat %s", [suggestion(format)]))]),
	}
}
