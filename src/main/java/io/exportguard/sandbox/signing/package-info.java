/** Server-side verification of the RPC (HMAC-SHA1) and OSS (V1, V4) request signatures. */
package io.exportguard.sandbox.signing;
