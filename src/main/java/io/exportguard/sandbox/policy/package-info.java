/** Just enough RAM/OSS policy evaluation for ExportImage's role check: statements, wildcard matching, Allow and Deny. */
package io.exportguard.sandbox.policy;
