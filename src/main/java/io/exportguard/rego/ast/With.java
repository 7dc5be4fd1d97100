package io.exportguard.rego.ast;

/**
 * {@code with target as value}. The target is a ref: {@code input...}, {@code data...} (after
 * compiling, absolute), or a function: a builtin name ({@code count}, {@code http.send}) or a user
 * function's absolute ref. The value is any term, or a ref to a function to call instead.
 */
public record With(Ref target, Term value, Location loc) implements Node {}
