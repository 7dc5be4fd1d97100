/** The configuration file, {@code .exportguard.yaml}: flag defaults, policy paths, data and waivers, checked key by key. */
package io.exportguard.config;
