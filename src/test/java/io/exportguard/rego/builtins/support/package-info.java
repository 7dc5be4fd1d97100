/** Test support for the builtin tests: stand-ins for engine classes outside the builtins package. */
package io.exportguard.rego.builtins.support;
