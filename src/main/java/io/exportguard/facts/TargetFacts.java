package io.exportguard.facts;

/**
 * The facts document of one target, as a {@link FactsSource} delivers it, with the scope of checks
 * it is evaluated against (for a document of an export request, {@link CheckScope#forDocument}).
 */
public record TargetFacts(TargetRef target, FactsDocument document, CheckScope scope) {
  public TargetFacts {
    if (target == null || document == null) throw new IllegalArgumentException("target and document are required");
    scope = scope == null ? CheckScope.forDocument(document.json()) : scope;
  }

  public TargetFacts(TargetRef target, FactsDocument document) { this(target, document, null); }

  /** The facts of an export request: its target is the request's image. */
  public static TargetFacts of(FactsDocument document) {
    return new TargetFacts(TargetRef.image(document.facts().request()), document);
  }
}
