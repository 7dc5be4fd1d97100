/** Official Alibaba Cloud clients no one here wrote (Java V2 SDKs, Node clients) run against the sandbox. */
package io.exportguard.sandbox.crosscheck;
