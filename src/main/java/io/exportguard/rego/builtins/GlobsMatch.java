package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.b;
import static io.exportguard.rego.builtins.Args.def;
import static io.exportguard.rego.builtins.Args.str;

import io.exportguard.rego.value.Value;
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
    def(r, "regex.globs_match", GlobsMatch::globsMatch);
  }

  static Value globsMatch(BuiltinContext ctx, List<Value> a) {
    List<Item> x = parse(str(a, 1));
    List<Item> y = parse(str(a, 2));
    return b(intersect(x, y));
  }

  /**
   * The pattern's items, read as OPA's glob-intersection library tokenizes it: {@code .}, sets
   * {@code [a-z\]]} (no negation), {@code \} escapes, and {@code +}/{@code *} after an item. Invalid
   * patterns fail with its message: {@code input:<p>, pos:<code point>, <reason>: the input provided is invalid}.
   */
  static List<Item> parse(String p) {
    int[] in = p.codePoints().toArray();
    List<Item> out = new ArrayList<>();
    int[] pos = {0};
    while (pos[0] < in.length) {
      boolean escaped = in[pos[0]] == '\\';
      int c = nextRune(p, in, pos);
      Chars cs;
      if (!escaped && c == '.') {
        cs = new Chars(true, new int[0], new int[0], false);
      } else if (!escaped && c == ']') {
        throw invalid(p, pos[0], "set-close ']' with no preceding '['");
      } else if (!escaped && c == '[') {
        cs = set(p, in, pos);
      } else if (!escaped && (c == '+' || c == '*')) {
        throw invalid(p, pos[0], "flag '" + (char) c + "' must be preceded by a non-flag");
      } else {
        cs = new Chars(false, new int[] {c}, new int[] {c}, false);
      }
      if (pos[0] < in.length && in[pos[0]] == '*') {
        out.add(new Item(cs, true));
        pos[0]++;
      } else if (pos[0] < in.length && in[pos[0]] == '+') {
        out.add(new Item(cs, false));
        out.add(new Item(cs, true));
        pos[0]++;
      } else {
        out.add(new Item(cs, false));
      }
    }
    return out;
  }

  /** The next character, unescaping {@code \x}; advances pos. */
  private static int nextRune(String p, int[] in, int[] pos) {
    if (in[pos[0]] == '\\') {
      if (pos[0] == in.length - 1) throw invalid(p, pos[0], "input ends with a \\ (escape) character");
      pos[0] += 2;
      return in[pos[0] - 1];
    }
    return in[pos[0]++];
  }

  /** A set after its {@code [}: characters and ranges up to the closing {@code ]}. */
  private static Chars set(String p, int[] in, int[] pos) {
    List<int[]> ranges = new ArrayList<>();
    int prev = -1;
    while (pos[0] < in.length) {
      boolean escaped = in[pos[0]] == '\\';
      int c = nextRune(p, in, pos);
      if (!escaped && c == ']') {
        return new Chars(false, ranges.stream().mapToInt(x -> x[0]).toArray(), ranges.stream().mapToInt(x -> x[1]).toArray(),
            false);
      }
      if (!escaped && c == '-') {
        if (prev < 0) throw invalid(p, pos[0], "range character '-' must be preceded by a Unicode character");
        if (pos[0] >= in.length - 1) throw invalid(p, pos[0], "range character '-' must be followed by a Unicode character");
        boolean endEscaped = in[pos[0]] == '\\';
        int hi = nextRune(p, in, pos);
        if (!endEscaped && (hi == ']' || hi == '-')) {
          throw invalid(p, pos[0], "range character '-' cannot be followed by a special symbol");
        }
        // The library notes an out-of-order range but then loses the error: the range is just empty.
        if (hi >= prev) ranges.add(new int[] {prev, hi});
        prev = -1;
        continue;
      }
      ranges.add(new int[] {c, c});
      prev = c;
    }
    throw invalid(p, pos[0], "found [ without matching ]");
  }

  private static BuiltinException invalid(String input, int pos, String reason) {
    return Args.fail("input:" + input + ", pos:" + pos + ", " + reason + ": the input provided is invalid");
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
