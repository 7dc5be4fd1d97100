/** Alibaba Cloud access through the official SDKs: clients, credentials, retries, one gatherer per fact area. */
package io.exportguard.cloud;
