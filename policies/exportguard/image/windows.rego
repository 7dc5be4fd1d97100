# METADATA
# scope: package
# title: Windows Server licensing
# description: >-
#   The user guide says Windows Server images cannot be exported, and ExportImage has an
#   InvalidImageLicense.NotSupported error; the current API page is silent. Advisory by default;
#   the data switch windowsBlocking makes it blocking. An image whose OS is unknown is reported too.
# custom:
#   id: EG-IMAGE-008
#   severity: medium
#   prevents: InvalidImageLicense.NotSupported
#   requires: [image.exists, image.osType, image.platform]
#   remediation: >-
#     Windows Server licences do not travel with an export; export the data disks of a Linux image
#     instead, or set windowsBlocking to false in a --data file if your account is allowed to export
#     Windows images. Check the OS with: aliyun ecs DescribeImages --RegionId <region> --ImageId
#     <image> --output cols=OSType,Platform,OSName rows=Images.Image[]
package exportguard.image.windows

import data.exportguard.lib.facts
import data.exportguard.lib.fix

findings contains finding if {
	facts.image_exists
	windows
	finding := {
		"msg": sprintf("image %s is a Windows image (%v): Windows Server images cannot be exported (InvalidImageLicense.NotSupported)", [facts.image_id, object.get(input.image, "platform", "windows")]),
		"resource": facts.image_id,
		"remediation": sprintf("Windows Server licences do not travel with an export; export a Linux image instead, or set windowsBlocking to false in a --data file if your account may export Windows images. Check the OS with: %s", [fix.describe_image("ImageId,OSType,Platform,OSName")]),
	}
}

findings contains finding if {
	facts.image_exists
	not is_string(object.get(input.image, "osType", null))
	not is_string(object.get(input.image, "platform", null))
	finding := {
		"msg": sprintf("the operating system of image %s is unknown: Windows Server licensing cannot be ruled out", [facts.image_id]),
		"resource": facts.image_id,
		"remediation": sprintf("Windows Server licences do not travel with an export; export a Linux image instead, or set windowsBlocking to false in a --data file if your account may export Windows images. Check the OS with: %s", [fix.describe_image("ImageId,OSType,Platform,OSName")]),
	}
}

windows if lower(input.image.osType) == "windows"

windows if contains(lower(input.image.platform), "windows")

deny contains finding if {
	data.exportguard.config.windowsBlocking == true
	some finding in findings
}

warn contains finding if {
	not data.exportguard.config.windowsBlocking == true
	some finding in findings
}
