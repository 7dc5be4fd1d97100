/** Account-wide audits of every image and bucket in the chosen regions. */
package io.exportguard.audit;
