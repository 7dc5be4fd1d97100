package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.b;
import static io.exportguard.rego.builtins.Args.def;
import static io.exportguard.rego.builtins.Args.str;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * regex.globs_match: whether two restricted patterns (only {@code . * + [ - ] \} are special) match a
 * common non-empty string. Each pattern becomes a small automaton; the product is searched breadth-first.
 */
final class GlobsMatch {
  private GlobsMatch() {}

  /** A set of code points as ranges; {@code any} is every character. */
  private record Chars(boolean any, int[] lo, int[] hi, boolean negate) {
    boolean contains(int cp) {
      if (any) return true;
      boolean in = false;
      for (int i = 0; i < lo.length && !in; i++) in = cp >= lo[i] && cp <= hi[i];
      return in != negate;
    }

    /** Membership is constant between range edges, so testing edges and their neighbours is enough. */
    boolean intersects(Chars o) {
      TreeSet<Integer> probes = new TreeSet<>(List.of(0, (int) 'a', 0x10FFFF));
      for (Chars c : List.of(this, o)) {
        for (int i = 0; i < c.lo.length; i++) {
          for (int p : new int[] {c.lo[i] - 1, c.lo[i], c.hi[i], c.hi[i] + 1}) if (p >= 0 && p <= 0x10FFFF) probes.add(p);
        }
      }
      for (int p : probes) if (contains(p) && o.contains(p)) return true;
      return false;
    }
  }

  /** One pattern element: a character set, optionally repeated (star) zero or more times. */
  private record Item(Chars chars, boolean star) {}

  static void register(BuiltinRegistry r) {
    def(r, "regex.globs_match", (ctx, a) -> {
      List<Item> x = parse(str(a, 1));
      List<Item> y = parse(str(a, 2));
      return b(intersect(x, y));
    });
  }

  static List<Item> parse(String p) {
    List<Item> out = new ArrayList<>();
    int i = 0;
    while (i < p.length()) {
      char c = p.charAt(i);
      Chars cs;
      if (c == '.') {
        cs = new Chars(true, new int[0], new int[0], false);
        i++;
      } else if (c == '[') {
        int j = i + 1;
        boolean negate = j < p.length() && p.charAt(j) == '^';
        if (negate) j++;
        List<int[]> ranges = new ArrayList<>();
        while (j < p.length() && p.charAt(j) != ']') {
          int lo = p.charAt(j) == '\\' && j + 1 < p.length() ? p.charAt(++j) : p.charAt(j);
          j++;
          int hi = lo;
          if (j + 1 < p.length() && p.charAt(j) == '-' && p.charAt(j + 1) != ']') {
            hi = p.charAt(j + 1);
            j += 2;
          }
          ranges.add(new int[] {lo, hi});
        }
        if (j >= p.length()) throw Args.fail("input glob has an unclosed character class: " + p);
        cs = new Chars(false, ranges.stream().mapToInt(x -> x[0]).toArray(), ranges.stream().mapToInt(x -> x[1]).toArray(),
            negate);
        i = j + 1;
      } else if (c == '*' || c == '+') {
        throw Args.fail("input glob has a quantifier with nothing to repeat: " + p);
      } else {
        int cp = c == '\\' && i + 1 < p.length() ? p.codePointAt(++i) : p.codePointAt(i);
        i += Character.charCount(cp);
        cs = new Chars(false, new int[] {cp}, new int[] {cp}, false);
      }
      if (i < p.length() && p.charAt(i) == '*') {
        out.add(new Item(cs, true));
        i++;
      } else if (i < p.length() && p.charAt(i) == '+') {
        out.add(new Item(cs, false));
        out.add(new Item(cs, true));
        i++;
      } else {
        out.add(new Item(cs, false));
      }
    }
    return out;
  }

  /** Breadth-first search of the product automaton for an accepting state reached after a character. */
  static boolean intersect(List<Item> x, List<Item> y) {
    record State(int i, int j, boolean consumed) {}
    ArrayDeque<State> queue = new ArrayDeque<>();
    Set<State> seen = new HashSet<>();
    State start = new State(0, 0, false);
    queue.add(start);
    seen.add(start);
    while (!queue.isEmpty()) {
      State s = queue.poll();
      if (s.i == x.size() && s.j == y.size() && s.consumed) return true;
      List<State> next = new ArrayList<>();
      // Skipping a starred item consumes nothing.
      if (s.i < x.size() && x.get(s.i).star) next.add(new State(s.i + 1, s.j, s.consumed));
      if (s.j < y.size() && y.get(s.j).star) next.add(new State(s.i, s.j + 1, s.consumed));
      if (s.i < x.size() && s.j < y.size() && x.get(s.i).chars.intersects(y.get(s.j).chars)) {
        int ni = x.get(s.i).star ? s.i : s.i + 1;
        int nj = y.get(s.j).star ? s.j : s.j + 1;
        next.add(new State(ni, nj, true));
      }
      for (State n : next) if (seen.add(n)) queue.add(n);
    }
    return false;
  }
}
