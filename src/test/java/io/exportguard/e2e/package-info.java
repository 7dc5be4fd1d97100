/** End-to-end tests: the CLI in-process against the sandbox, for every ExportImage error code. */
package io.exportguard.e2e;
