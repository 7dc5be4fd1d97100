package io.exportguard.rego.ast;

import java.util.List;

/** A set literal {@code {a, b}}; {@code set()} is the empty set. Items are in source order, possibly repeated. */
public record SetTerm(List<Term> items, Location loc) implements Term {
  public SetTerm {
    items = List.copyOf(items);
  }
}
