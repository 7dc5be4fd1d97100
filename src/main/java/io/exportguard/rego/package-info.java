/** An embedded Rego (OPA v1) engine; a library that imports nothing else from this project. */
package io.exportguard.rego;
