package io.exportguard.policy.bundle;

import java.util.ArrayList;
import java.util.List;

/**
 * OPA's bundle roots: slash-separated paths below {@code data} that a bundle owns. The empty root
 * owns everything. A root covers a path when its segments are a prefix of the path's segments.
 */
public final class Roots {
  private Roots() {}

  /** The segments of a root or data path ({@code "a/b"} is [a, b]; {@code ""} and {@code "/"} are []). */
  public static List<String> segments(String path) {
    List<String> out = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty()) out.add(s);
    }
    return out;
  }

  /** True when {@code root} covers {@code path} (both as segments). */
  public static boolean covers(List<String> root, List<String> path) {
    return root.size() <= path.size() && path.subList(0, root.size()).equals(root);
  }

  /** True when one root covers the other: two bundles with such roots would both own some data. */
  public static boolean overlap(List<String> a, List<String> b) {
    return covers(a, b) || covers(b, a);
  }

  /** True when some root covers the path. */
  public static boolean anyCovers(List<String> roots, List<String> path) {
    for (String r : roots) {
      if (covers(segments(r), path)) return true;
    }
    return false;
  }

  /** True when the path lies strictly above some root (data there may still hold that root's subtree). */
  public static boolean aboveSome(List<String> roots, List<String> path) {
    for (String r : roots) {
      List<String> seg = segments(r);
      if (seg.size() > path.size() && covers(path, seg)) return true;
    }
    return false;
  }

  /** {@code /a/b} for messages. */
  public static String display(List<String> path) {
    return "/" + String.join("/", path);
  }
}
