package exportguard.image.windows_test

import data.exportguard.image.windows
import data.exportguard.lib.fixtures

win := fixtures.patched({"image": {"osType": "windows", "platform": "Windows Server 2019"}})

test_linux_passes if {
	count(windows.warn) == 0 with input as fixtures.facts
	count(windows.deny) == 0 with input as fixtures.facts with data.exportguard.config.windowsBlocking as true
}

test_windows_warns_by_default if {
	w := windows.warn with input as win
	print("warn:", w)
	count(w) == 1
	count(windows.deny) == 0 with input as win
}

test_windows_blocks_with_the_switch if {
	d := windows.deny with input as win with data.exportguard.config.windowsBlocking as true
	print("deny:", d)
	count(d) == 1
	count(windows.warn) == 0 with input as win with data.exportguard.config.windowsBlocking as true
}

test_platform_alone_is_enough if {
	count(windows.warn) == 1 with input as fixtures.patched({"image": {"osType": null, "platform": "Windows Server 2016"}})
}

test_unknown_os_is_reported if {
	count(windows.warn) == 1 with input as fixtures.patched({"image": {"osType": null, "platform": null}})
}
