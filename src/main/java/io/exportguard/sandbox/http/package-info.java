/** HTTP plumbing shared by the product endpoints: reading requests, writing replies, request ids, XML text. */
package io.exportguard.sandbox.http;
