package io.exportguard.redact;

/**
 * A value whose strings were redacted as it was made (a spool of report results redacted one by
 * one as they were decided): {@link RedactedValues} passes it through as it is, rather than copying
 * what may be far more than the heap holds.
 */
public interface AlreadyRedacted {}
