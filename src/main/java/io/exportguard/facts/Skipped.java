package io.exportguard.facts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An area whose calls were not made: because the request was already invalid for them, or, with
 * {@code outOfScope}, because the run does not cover it (an audit given no bucket, the areas another
 * target of the run decides; a static scan's live facts). A check that requires an out-of-scope
 * area is {@code skipped} with the reason and does not make the verdict an error.
 *
 * @param outOfScope true for an area outside the run's scope; null (left out of the JSON) otherwise
 */
public record Skipped(String area, String reason, @JsonInclude(JsonInclude.Include.NON_NULL) Boolean outOfScope) {
  public Skipped(String area, String reason) { this(area, reason, null); }

  /** An area the run does not cover, with why. */
  public static Skipped outOfScope(String area, String reason) { return new Skipped(area, reason, Boolean.TRUE); }

  public boolean isOutOfScope() { return Boolean.TRUE.equals(outOfScope); }
}
