package io.exportguard.rego.ast;

import java.util.List;

/** An object literal {@code {k: v, ...}}; {@code {}} is the empty object. Entries in source order. */
public record ObjectTerm(List<Entry> entries, Location loc) implements Term {
  public ObjectTerm {
    entries = List.copyOf(entries);
  }

  /** One {@code key: value} pair. */
  public record Entry(Term key, Term value) implements java.io.Serializable {}
}
