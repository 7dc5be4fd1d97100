package io.exportguard.facts;

import java.util.List;

/**
 * The facts document (schema {@value #SCHEMA}): the Rego {@code input}. An area that was not
 * gathered is null and is listed in {@link #errors} or {@link #skipped}.
 */
public record Facts(String schema, Request request, RegionFacts region, ImageFacts image, RoleFacts role,
                    BucketFacts bucket, TaskFacts tasks, List<FactError> errors, List<Skipped> skipped) {

  public static final String SCHEMA = "exportguard.facts/v1";

  public Facts {
    errors = errors == null ? List.of() : List.copyOf(errors);
    skipped = skipped == null ? List.of() : List.copyOf(skipped);
  }

  /** True when some gathering error belongs to the area. */
  public boolean failed(String area) {
    return errors.stream().anyMatch(e -> area.equals(e.area()));
  }

  /** True when the area's calls were not made. */
  public boolean isSkipped(String area) {
    return skipped.stream().anyMatch(s -> area.equals(s.area()));
  }

  /** True when the run does not cover the area (see {@link Skipped#outOfScope}). */
  public boolean isOutOfScope(String area) {
    return skipped.stream().anyMatch(s -> area.equals(s.area()) && s.isOutOfScope());
  }
}
