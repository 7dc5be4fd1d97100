package io.exportguard.facts;

/**
 * A fact a static scan could not establish: it lies outside what the scanned files declare (the
 * live image, running tasks), or its value is known only after apply. {@code fact} is an area
 * ({@code image}) or a field path within one ({@code request.imageId}, {@code bucket.acl}); a check
 * that requires an overlapping fact is {@code skipped} with the reason, and does not affect the
 * verdict (DESIGN.md, static scan).
 */
public record Unknown(String fact, String reason) {
  public Unknown {
    if (fact == null || fact.isEmpty()) throw new IllegalArgumentException("an unknown fact needs a name");
  }

  /**
   * True when two fact names overlap: equal, or one is a field path within the other
   * ({@code role} and {@code role.arn}); {@code bucketPolicy} and {@code bucket} do not.
   */
  public static boolean overlap(String a, String b) {
    if (a == null || b == null) return false;
    if (a.equals(b)) return true;
    return a.length() > b.length() ? a.startsWith(b) && a.charAt(b.length()) == '.'
        : b.startsWith(a) && b.charAt(a.length()) == '.';
  }
}
