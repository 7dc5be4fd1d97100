package io.exportguard.cloud;

import io.exportguard.facts.FactError;
import io.exportguard.facts.Skipped;
import java.util.List;

/**
 * One fact area's value as a gatherer left it: null when the area failed, with the facts errors
 * and skipped areas it recorded.
 */
public record Gathered<T>(T value, List<FactError> errors, List<Skipped> skipped) {
  public Gathered {
    errors = List.copyOf(errors);
    skipped = List.copyOf(skipped);
  }

  /** An area that could not be gathered at all. */
  public static <T> Gathered<T> failed(FactError error) {
    return new Gathered<>(null, List.of(error), List.of());
  }

  /** An area gathered without a problem. */
  public static <T> Gathered<T> of(T value) {
    return new Gathered<>(value, List.of(), List.of());
  }
}
