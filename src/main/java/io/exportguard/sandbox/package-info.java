/**
 * A local emulator of the ECS, RAM, STS and OSS APIs that the real SDK clients talk to over HTTP with
 * real request signing; {@link io.exportguard.sandbox.Sandbox} starts one (see README.md here for
 * the APIs, the authentication checks and the order of ExportImage's rules).
 */
package io.exportguard.sandbox;
