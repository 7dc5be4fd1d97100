package io.exportguard.facts;

/** The facts document of one target, as a {@link FactsSource} delivers it. */
public record TargetFacts(TargetRef target, FactsDocument document) {
  public TargetFacts {
    if (target == null || document == null) throw new IllegalArgumentException("target and document are required");
  }

  /** The facts of an export request: its target is the request's image. */
  public static TargetFacts of(FactsDocument document) {
    return new TargetFacts(TargetRef.image(document.facts().request()), document);
  }
}
