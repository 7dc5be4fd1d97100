/** A local emulator of the ECS, RAM and OSS APIs that the real SDK clients talk to. */
package io.exportguard.sandbox;
