/**
 * Gathers facts through the official Alibaba Cloud SDKs: the live facts source of preflight
 * ({@link io.exportguard.cloud.LiveImageSource}), the client factory, credentials, retries, and one
 * gatherer per fact area, run concurrently along their dependencies. Listings are read to their
 * end or recorded as errors, never shortened.
 */
package io.exportguard.cloud;
