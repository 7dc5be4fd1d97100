/** OSS, path-style on the sandbox's address: bucket reads and object listing and reads, answered in XML. */
package io.exportguard.sandbox.oss;
