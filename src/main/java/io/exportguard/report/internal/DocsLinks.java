package io.exportguard.report.internal;

import java.util.Locale;

/**
 * Where reports link into the user documentation (the repository's {@code docs/}): the project
 * page, and one anchor per check in {@code docs/checks.md}. One place, so moving the docs is one edit.
 */
public final class DocsLinks {
  /** The documentation's home. */
  public static final String HOME = "https://github.com/exportguard/exportguard/tree/main/docs";

  private DocsLinks() {}

  /**
   * The check's entry: built-in checks have a section in {@code docs/checks.md} whose anchor is the
   * lower-cased id; a custom check's id lands on the page's section on writing your own.
   */
  public static String check(String id) {
    String anchor = id == null ? "" : id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "");
    return "https://github.com/exportguard/exportguard/blob/main/docs/checks.md#" + anchor;
  }
}
