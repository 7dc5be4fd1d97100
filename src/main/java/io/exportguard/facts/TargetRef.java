package io.exportguard.facts;

/**
 * What one facts document is about: a target of a run. Preflight and eval have one, an image; an
 * account audit has one per image it enumerates; a static scan one per plan resource or file.
 *
 * @param kind what sort of thing the target is: {@link #IMAGE}, {@link #PLAN_RESOURCE}, {@link #FILE}
 *     or another lower-case word a source defines
 * @param label the target's stable identity within its kind, as people read it: {@code
 *     cn-hangzhou/m-bp1demo0001} for an image, {@code plan.json#alicloud_image_export.nightly} for a
 *     plan resource, a path for a file. Baselines and SARIF fingerprints key on it, so it must not
 *     change between runs over the same thing (no timestamps, no counters).
 * @param location where the target is declared (a scanned file and the line of its resource), or
 *     null for a target that lives in the cloud
 */
public record TargetRef(String kind, String label, SourceLocation location) {
  public static final String IMAGE = "image";
  public static final String PLAN_RESOURCE = "plan-resource";
  public static final String FILE = "file";

  public TargetRef {
    if (kind == null || kind.isBlank()) throw new IllegalArgumentException("a target needs a kind");
    label = label == null ? "" : label;
  }

  /** A target that is not declared in any file. */
  public TargetRef(String kind, String label) { this(kind, label, null); }

  /** The target of an export request: its image, named with its region. */
  public static TargetRef image(Request r) {
    String region = r == null || r.regionId() == null ? "" : r.regionId();
    String image = r == null || r.imageId() == null ? "" : r.imageId();
    return new TargetRef(IMAGE, region + "/" + image);
  }

  /** {@code kind:label}, the key a target is known by across runs. */
  public String key() { return kind + ":" + label; }
}
