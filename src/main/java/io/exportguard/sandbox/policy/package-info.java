/** The policy pack's RAM/OSS policy semantics (lib/patterns, lib/ram, lib/export) in Java, so the emulated ExportImage decides as preflight does. */
package io.exportguard.sandbox.policy;
