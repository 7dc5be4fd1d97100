package io.exportguard.sandbox.policy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * RAM/OSS wildcard patterns ({@code *} any run, {@code ?} one character) against values some of
 * whose parts are unknown before the export runs (the same rules as the policy pack's
 * {@code lib/patterns.rego}): a pattern <em>may</em> match a template when it matches some filling of
 * its holes (a Deny that may apply counts), and <em>must</em> match it when it matches every filling
 * (only then does an Allow count).
 */
public final class Patterns {
  private static final char MARKER = '\u0001';

  private Patterns() {}

  /** The characters a hole may hold (lib/patterns.rego {@code hole_chars}). */
  public enum Hole {
    REGION("a-z0-9-"),
    SESSION("A-Za-z0-9.@_-"),
    OBJECT("A-Za-z0-9._-"),
    ACCOUNT("0-9"),
    REST("A-Za-z0-9._@:/-");

    private final String ranges;

    Hole(String ranges) { this.ranges = ranges; }

    boolean allows(char c) {
      for (int i = 0; i < ranges.length(); i++) {
        char lo = ranges.charAt(i);
        if (i + 2 < ranges.length() && ranges.charAt(i + 1) == '-') {
          if (c >= lo && c <= ranges.charAt(i + 2)) return true;
          i += 2;
        } else if (c == lo) {
          return true;
        }
      }
      return false;
    }
  }

  /** A value made of literal text and holes; a hole stands for any non-empty run of its characters. */
  public record Template(List<Object> segments) {
    public static Template of(Object... segments) { return new Template(List.of(segments)); }

    Template lower() {
      List<Object> out = new ArrayList<>();
      for (Object s : segments) out.add(s instanceof String text ? text.toLowerCase(Locale.ROOT) : s);
      return new Template(out);
    }

    /** The template as messages show it, each hole as {@code *}. */
    public String show() {
      StringBuilder b = new StringBuilder();
      for (Object s : segments) b.append(s instanceof String text ? text : "*");
      return b.toString();
    }
  }

  /** Wildcard match of a whole string: {@code *} any run (also empty), {@code ?} exactly one character. */
  public static boolean glob(String pattern, String text) {
    int p = 0;
    int t = 0;
    int star = -1;
    int mark = 0;
    while (t < text.length()) {
      if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
        p++;
        t++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        mark = t;
      } else if (star >= 0) {
        p = star + 1;
        t = ++mark;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  /** Actions compare case-insensitively (RAM: action values are generally not case-sensitive). */
  public static boolean actionMatches(String pattern, String action) {
    return glob(pattern.toLowerCase(Locale.ROOT), action.toLowerCase(Locale.ROOT));
  }

  /** The pattern matches the template for every filling of its holes. */
  public static boolean mustMatch(String pattern, Template template) {
    int holes = (int) template.segments().stream().filter(s -> s instanceof Hole).count();
    int[] lengths = holes <= 2 ? new int[] {1, 2, 3} : new int[] {1, 3};
    int combos = (int) Math.pow(lengths.length, holes);
    for (int c = 0; c < combos; c++) {
      StringBuilder filled = new StringBuilder();
      int n = c;
      for (Object s : template.segments()) {
        if (s instanceof String text) {
          filled.append(text);
        } else {
          filled.append(String.valueOf(MARKER).repeat(lengths[n % lengths.length]));
          n /= lengths.length;
        }
      }
      if (!glob(pattern, filled.toString())) return false;
    }
    return true;
  }

  /** A run of k characters no pattern literal matches: what matches it for k = 1..3 matches any value. */
  public static String marker(int k) { return String.valueOf(MARKER).repeat(k); }

  /** The pattern matches the template for some filling of its holes. */
  public static boolean mayMatch(String pattern, Template template) {
    List<Object> tokens = new ArrayList<>();
    for (Object s : template.segments()) {
      if (s instanceof String text) {
        for (char c : text.toCharArray()) tokens.add(c);
      } else {
        tokens.add(s);
      }
    }
    return search(pattern, tokens);
  }

  /** {@link #mayMatch} ignoring letter case (for Denies whose case handling is not documented). */
  public static boolean mayMatchIgnoreCase(String pattern, Template template) {
    return mayMatch(pattern.toLowerCase(Locale.ROOT), template.lower());
  }

  /**
   * Breadth-first search of (pattern position, template token, whether the current hole has taken a
   * character yet): the product of the pattern's and the template's automata.
   */
  private static boolean search(String p, List<Object> t) {
    record State(int i, int j, boolean filling) {}
    ArrayDeque<State> queue = new ArrayDeque<>();
    Set<State> seen = new HashSet<>();
    queue.add(new State(0, 0, false));
    while (!queue.isEmpty()) {
      State s = queue.poll();
      if (!seen.add(s)) continue;
      if (s.i == p.length() && s.j == t.size()) return true;
      Object token = s.j < t.size() ? t.get(s.j) : null;
      if (token instanceof Hole && s.filling) queue.add(new State(s.i, s.j + 1, false));
      if (s.i < p.length() && p.charAt(s.i) == '*') {
        queue.add(new State(s.i + 1, s.j, s.filling));
        if (token instanceof Character) queue.add(new State(s.i, s.j + 1, false));
        if (token instanceof Hole) queue.add(new State(s.i, s.j, true));
      } else if (s.i < p.length() && token != null) {
        char pc = p.charAt(s.i);
        if (token instanceof Character c && (pc == '?' || pc == c)) queue.add(new State(s.i + 1, s.j + 1, false));
        if (token instanceof Hole h && (pc == '?' || h.allows(pc))) queue.add(new State(s.i + 1, s.j, true));
      }
    }
    return false;
  }
}
