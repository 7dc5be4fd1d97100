/** The report model and one writer per output format. */
package io.exportguard.report;
