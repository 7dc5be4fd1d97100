/** The HTTP server on 127.0.0.1 that sends each request to the RPC gateway or to OSS. */
package io.exportguard.sandbox.server;
