/** Tests of the language features beyond the shared conformance sets (template strings, and/or/not, v0). */
package io.exportguard.rego.language;
