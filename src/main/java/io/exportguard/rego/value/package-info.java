/** Rego values: an immutable, totally ordered model of JSON plus sets. */
package io.exportguard.rego.value;
