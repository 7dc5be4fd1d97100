/** The OPA-server policy engine: decisions through the OPA Java client, wrapped for timeouts, auth, TLS and error bodies. */
package io.exportguard.opa;
