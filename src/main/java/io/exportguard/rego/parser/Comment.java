package io.exportguard.rego.parser;

/** One {@code #} comment: its text after the {@code #}, and where it starts. */
record Comment(String text, int line, int column) {}
