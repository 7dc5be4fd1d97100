package io.exportguard.rego.ast;

/** {@code {key: value | body}}. */
public record ObjectCompr(Term key, Term value, Body body, Location loc) implements Term {}
