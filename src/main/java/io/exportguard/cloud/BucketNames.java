package io.exportguard.cloud;

import java.util.regex.Pattern;

/** OSS bucket naming rules: 3–63 of {@code [a-z0-9-]}, starting and ending with a letter or digit. */
public final class BucketNames {
  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");

  private BucketNames() {}

  public static boolean valid(String name) { return name != null && VALID.matcher(name).matches(); }
}
