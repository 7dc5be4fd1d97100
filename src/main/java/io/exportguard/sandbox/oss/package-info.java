/** OSS on the sandbox's address, path style or virtual-hosted: bucket reads and object listing and reads, answered in XML. */
package io.exportguard.sandbox.oss;
