/**
 * Gathers facts through the official Alibaba Cloud SDKs: client factory, credentials, retries, and
 * one gatherer per fact area, run concurrently along their dependencies.
 */
package io.exportguard.cloud;
