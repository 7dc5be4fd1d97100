/** Policy loading, check metadata, the PolicyEngine seam (embedded or OPA server) and verdicts. */
package io.exportguard.policy;
