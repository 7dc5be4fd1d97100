/** Runs ExportImage with the checked request, follows its task and verifies the objects in OSS. */
package io.exportguard.export;
