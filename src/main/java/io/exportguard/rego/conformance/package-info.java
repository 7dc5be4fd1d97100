/** Runs OPA's YAML test cases against the engine and reports how many pass, per folder. */
package io.exportguard.rego.conformance;
