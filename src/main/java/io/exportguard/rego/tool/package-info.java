/** The engine's command-line tools over files on disk, like {@code opa check} and {@code opa eval}. */
package io.exportguard.rego.tool;
