/** OPA's builtin functions, one class per family, registered in one registry. */
package io.exportguard.rego.builtins;
