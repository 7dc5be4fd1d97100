package io.exportguard.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The facts document (schema {@value #SCHEMA}): the Rego {@code input}. An area that was not
 * gathered is null and is listed in {@link #errors} or {@link #skipped}. A static scan lists what
 * its files do not establish in {@link #unknown} (absent from the JSON when empty, as in every
 * document gathered live).
 */
public record Facts(String schema, Request request, RegionFacts region, ImageFacts image, RoleFacts role,
                    BucketFacts bucket, TaskFacts tasks, List<FactError> errors, List<Skipped> skipped,
                    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Unknown> unknown) {

  public static final String SCHEMA = "exportguard.facts/v1";

  public Facts {
    errors = errors == null ? List.of() : List.copyOf(errors);
    skipped = skipped == null ? List.of() : List.copyOf(skipped);
    unknown = unknown == null ? List.of() : List.copyOf(unknown);
  }

  /** Facts with nothing unknown: everything a live gathering or a saved document holds. */
  public Facts(String schema, Request request, RegionFacts region, ImageFacts image, RoleFacts role,
               BucketFacts bucket, TaskFacts tasks, List<FactError> errors, List<Skipped> skipped) {
    this(schema, request, region, image, role, bucket, tasks, errors, skipped, List.of());
  }

  /** True when some gathering error belongs to the area. */
  public boolean failed(String area) {
    return errors.stream().anyMatch(e -> area.equals(e.area()));
  }

  /** The unknown facts that overlap a required fact ({@link Unknown#overlap}). */
  public List<Unknown> unknownFor(String required) {
    return unknown.stream().filter(u -> Unknown.overlap(u.fact(), required)).toList();
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
