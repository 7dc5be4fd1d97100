/** Command line: one picocli class per command; commands parse flags and delegate. */
package io.exportguard.cli;
