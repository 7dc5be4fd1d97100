package io.exportguard.facts;

/**
 * The ExportImage request being checked, with the defaults applied (the values actually used).
 */
public record Request(String regionId, String imageId, String ossBucket, String ossPrefix,
                      String imageFormat, String roleName) {
  public static final String DEFAULT_FORMAT = "raw";
  public static final String DEFAULT_ROLE = "AliyunECSImageExportDefaultRole";

  /** Applies DESIGN.md's defaults: format {@code raw}, role {@code AliyunECSImageExportDefaultRole}. */
  public static Request of(String regionId, String imageId, String ossBucket, String ossPrefix,
                           String imageFormat, String roleName) {
    return new Request(regionId, imageId, ossBucket, ossPrefix,
        imageFormat == null ? DEFAULT_FORMAT : imageFormat, roleName == null ? DEFAULT_ROLE : roleName);
  }
}
