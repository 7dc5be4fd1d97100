package exportguard.req.format_test

import data.exportguard.lib.fixtures
import data.exportguard.req.format

findings(fmt) := d if {
	d := format.deny with input as fixtures.patched({"request": {"imageFormat": fmt}})
}

test_supported_formats_pass if {
	every f in ["raw", "vhd", "qcow2", "vmdk", "vdi", null] {
		count(findings(f)) == 0
	}
}

test_other_formats_fail if {
	every f in ["RAW", "iso", "", "vhdx", 1] {
		d := findings(f)
		print("format", f, "deny:", d)
		count(d) == 1
	}
}

test_list_comes_from_data if {
	d := format.deny with input as fixtures.patched({"request": {"imageFormat": "vhd"}})
		with data.exportguard.config.imageFormats as ["raw"]
	count(d) == 1
}
