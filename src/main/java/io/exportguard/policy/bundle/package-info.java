/** OPA bundles: reading, verifying, writing and combining {@code .tar.gz} policy bundles as OPA defines them. */
package io.exportguard.policy.bundle;
