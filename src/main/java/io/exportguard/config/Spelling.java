package io.exportguard.config;

/** How far apart two names are, for "did you mean" suggestions. */
public final class Spelling {
  private Spelling() {}

  /** Levenshtein distance, ignoring case. */
  public static int distance(String a, String b) {
    String x = a.toLowerCase(java.util.Locale.ROOT);
    String y = b.toLowerCase(java.util.Locale.ROOT);
    int[] prev = new int[y.length() + 1];
    for (int j = 0; j <= y.length(); j++) prev[j] = j;
    for (int i = 1; i <= x.length(); i++) {
      int[] cur = new int[y.length() + 1];
      cur[0] = i;
      for (int j = 1; j <= y.length(); j++) {
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1));
      }
      prev = cur;
    }
    return prev[y.length()];
  }

  /** Close enough to suggest: at most two edits apart, or one contains the other. */
  public static boolean close(String a, String b) {
    return a.contains(b) || b.contains(a) || distance(a, b) <= 2;
  }
}
