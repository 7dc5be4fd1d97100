/** Server-side verification of the RPC (V1 HMAC-SHA1, V3 ACS3-HMAC-SHA256) and OSS (V1, V4) request signatures. */
package io.exportguard.sandbox.signing;
