/** Running ExportImage, following its task and verifying what landed in OSS. */
package io.exportguard.export;
