package io.exportguard.rego.ast;

import java.util.List;

/**
 * {@code every v in xs { body }} (key null) or {@code every k, v in xs { body }}: true when the
 * body holds for every member of the domain (also when the domain is empty; false when it is
 * undefined). Key, value and variables first bound in the body are local to it.
 */
public record Every(Term key, Term value, Term domain, Body body, List<With> with, Location loc) implements Expr {
  public Every {
    with = List.copyOf(with);
  }
}
