/**
 * The static scan's facts source: reads Terraform plan JSON, ROS templates and RAM/OSS policy files
 * into the same facts documents preflight gathers, each fact known, or unknown with the reason.
 */
package io.exportguard.scan;
