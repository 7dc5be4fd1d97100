/** The Rego compiler: ordered checking and rewriting stages from parsed modules to a policy the evaluator runs. */
package io.exportguard.rego.compiler;
