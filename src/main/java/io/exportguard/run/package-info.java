/** Runs the preflight and eval commands end to end: facts, policies, verdict, reports and export. */
package io.exportguard.run;
