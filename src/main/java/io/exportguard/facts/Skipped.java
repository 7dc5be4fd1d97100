package io.exportguard.facts;

/** An area whose calls were not made because the request was already invalid for them. */
public record Skipped(String area, String reason) {}
