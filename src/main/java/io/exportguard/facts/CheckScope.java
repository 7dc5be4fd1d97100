package io.exportguard.facts;

import java.util.Collection;
import java.util.Set;

/**
 * Which checks a target is evaluated against, in terms of the fact areas they require: a target of
 * a run with several kinds (an account audit's images, export destinations, RAM identities) is
 * about some areas (its {@code subject}) and has others beside them for context. A check applies
 * when it requires at least one subject area and nothing outside subject and context; a check that
 * requires no area at all applies where {@code unscopedChecks} says so. Checks that do not apply are
 * left out of the target's result (another target of the run decides them).
 *
 * <p>{@link #ALL} (every check, whatever it requires) is the scope of preflight and eval.
 */
public record CheckScope(Set<String> subject, Set<String> context, boolean unscopedChecks) {
  /** Every check applies. */
  public static final CheckScope ALL = new CheckScope(null, Set.of(), true);

  /**
   * The scope of a document about one export request (preflight, eval): every area of the export
   * request, failed, skipped or missing ones included (a check that needs them fails closed), and an
   * account audit's own areas only when the document describes them. The audit's checks (an export
   * of the history, a RAM identity) are not questions about an export request.
   */
  public static CheckScope forDocument(com.fasterxml.jackson.databind.JsonNode json) {
    java.util.Set<String> subject = new java.util.HashSet<>();
    for (Area a : Area.values()) {
      if (!a.auditOnly() || (json != null && json.has(a.id()) && !json.get(a.id()).isNull())) subject.add(a.id());
    }
    return new CheckScope(subject, Set.of(), true);
  }

  public CheckScope {
    subject = subject == null ? null : Set.copyOf(subject);
    context = context == null ? Set.of() : Set.copyOf(context);
  }

  /** A scope about {@code subject}, with {@code context} available beside it. */
  public static CheckScope of(Set<String> subject, Set<String> context, boolean unscopedChecks) {
    return new CheckScope(subject, context, unscopedChecks);
  }

  // Written out: a record's generated equals and hashCode are bootstrapped on first use (~6 ms of a
  // preflight's critical path, where the evaluation looks its scope up).
  @Override
  public boolean equals(Object o) {
    return o instanceof CheckScope s && java.util.Objects.equals(subject, s.subject) && context.equals(s.context)
        && unscopedChecks == s.unscopedChecks;
  }

  @Override
  public int hashCode() {
    return (java.util.Objects.hashCode(subject) * 31 + context.hashCode()) * 31 + Boolean.hashCode(unscopedChecks);
  }

  /** Whether a check requiring these areas is evaluated for the target. */
  public boolean applies(Collection<String> requires) {
    if (subject == null) return true;
    if (requires.isEmpty()) return unscopedChecks;
    boolean about = false;
    for (String area : requires) {
      if (subject.contains(area)) about = true;
      else if (!context.contains(area)) return false;
    }
    return about;
  }
}
