package io.exportguard.facts;

import java.util.Locale;

/**
 * The fact areas (DESIGN.md): the names checks list in {@code custom.requires}, errors and skips
 * carry. The last three are an account audit's own targets (an export of its history, a RAM identity).
 */
public enum Area {
  REQUEST("request"), REGION("region"), IMAGE("image"), SNAPSHOTS("snapshots"), ROLE("role"),
  ROLE_POLICIES("rolePolicies"), BUCKET("bucket"), BUCKET_POLICY("bucketPolicy"),
  BUCKET_ENCRYPTION("bucketEncryption"), TASKS("tasks"),
  /** An account audit's export history: one ExportImage task and where it wrote. */
  EXPORT_TASK("exportTask"), EXPORT_BUCKET("exportBucket"),
  /** An account audit's RAM identity (user, group or role) with its effective policies. */
  PRINCIPAL("principal");

  private final String id;

  Area(String id) { this.id = id; }

  /** The lower-camel-case name used in the facts document and in METADATA. */
  public String id() { return id; }

  /** The area with this name, or null. */
  public static Area byId(String id) {
    if (id == null) return null;
    for (Area a : values()) if (a.id.equals(id) || a.name().equals(id.toUpperCase(Locale.ROOT))) return a;
    return null;
  }

  /** An account audit's own areas: a document of an export request has none of them. */
  public boolean auditOnly() {
    return this == EXPORT_TASK || this == EXPORT_BUCKET || this == PRINCIPAL;
  }

  /** Areas gathered through a regional endpoint: without a known region they cannot be gathered. */
  public boolean regional() {
    return this == IMAGE || this == SNAPSHOTS || this == BUCKET || this == BUCKET_POLICY
        || this == BUCKET_ENCRYPTION || this == TASKS;
  }
}
