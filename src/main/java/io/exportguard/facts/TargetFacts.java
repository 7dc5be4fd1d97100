package io.exportguard.facts;

import java.util.Map;

/**
 * The facts document of one target, as a {@link FactsSource} delivers it, with the scope of checks
 * it is evaluated against (for a document of an export request, {@link CheckScope#forDocument}).
 *
 * @param sources where facts of the document are declared, by fact name (an area such as {@code
 *     role}, or a field path such as {@code bucket.acl}; see {@link Unknown#overlap}): a static scan
 *     fills it so each check's findings point at the resource they are about; empty for facts
 *     gathered live
 */
public record TargetFacts(TargetRef target, FactsDocument document, CheckScope scope,
                          Map<String, SourceLocation> sources) {
  public TargetFacts {
    if (target == null || document == null) throw new IllegalArgumentException("target and document are required");
    scope = scope == null ? CheckScope.forDocument(document.json()) : scope;
    sources = sources == null ? Map.of() : Map.copyOf(sources);
  }

  public TargetFacts(TargetRef target, FactsDocument document, CheckScope scope) { this(target, document, scope, null); }

  public TargetFacts(TargetRef target, FactsDocument document) { this(target, document, null, null); }

  /** The facts of an export request: its target is the request's image. */
  public static TargetFacts of(FactsDocument document) {
    return new TargetFacts(TargetRef.image(document.facts().request()), document);
  }

  /**
   * Where the facts a check requires are declared: for the last of its required facts (METADATA lists
   * them from the general to the specific) that has a declaration, the most specific one; else the
   * target's own location (null for a target in the cloud).
   */
  public SourceLocation sourceFor(java.util.List<String> requires) {
    for (int i = requires.size() - 1; i >= 0; i--) {
      SourceLocation found = mostSpecific(requires.get(i));
      if (found != null) return found;
    }
    return target.location();
  }

  private SourceLocation mostSpecific(String required) {
    SourceLocation exact = sources.get(required);
    if (exact != null) return exact;
    String best = null;
    for (String name : sources.keySet()) {
      if (!Unknown.overlap(name, required)) continue;
      // A declaration of the whole area (role) is preferred to one of a field in it (role.trustPolicy).
      if (best == null || name.length() < best.length() || (name.length() == best.length() && name.compareTo(best) < 0)) {
        best = name;
      }
    }
    return best == null ? null : sources.get(best);
  }
}
