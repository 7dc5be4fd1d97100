/**
 * The export step of a passing preflight: runs ExportImage with the checked request, follows its
 * task, verifies the objects in OSS, and never reports a task it did not see fail as failed.
 */
package io.exportguard.export;
