package io.exportguard.rego.ast;

import java.util.List;

/** An array literal {@code [a, b]}. */
public record ArrayTerm(List<Term> items, Location loc) implements Term {
  public ArrayTerm {
    items = List.copyOf(items);
  }
}
