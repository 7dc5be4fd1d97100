package io.exportguard.rego.ast;

import java.util.List;

/**
 * {@code some v in xs} (key null) or {@code some k, v in xs}: iterates the collection (array:
 * index/element, object: key/value, set: element/element) and unifies key and value for each
 * member; variables in key and value are fresh locals declared here.
 */
public record SomeIn(Term key, Term value, Term collection, List<With> with, Location loc) implements Expr {
  public SomeIn {
    with = List.copyOf(with);
  }
}
