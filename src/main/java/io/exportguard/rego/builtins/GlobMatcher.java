package io.exportguard.rego.builtins;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled glob that matches without a regex engine: the pattern becomes token lists (alternatives
 * in braces are expanded), matched by recursion memoised on (token, position), so matching stays
 * polynomial. Globs whose braces expand to too many alternatives return null from {@link #compile}
 * and are matched by the RE2/J translation instead.
 */
final class GlobMatcher {
  private static final int MAX_ALTERNATIVES = 64;

  private sealed interface Tok permits Lit, Single, Star, Super, Cls {}

  private record Lit(String text) implements Tok {}

  private record Single() implements Tok {}

  private record Star() implements Tok {}

  private record Super() implements Tok {}

  private record Cls(int[] lo, int[] hi, boolean negate) implements Tok {
    boolean matches(int cp) {
      boolean in = false;
      for (int i = 0; i < lo.length && !in; i++) in = cp >= lo[i] && cp <= hi[i];
      return in != negate;
    }
  }

  private final List<Tok[]> alternatives;
  private final int[] delimiters;

  private GlobMatcher(List<Tok[]> alternatives, int[] delimiters) {
    this.alternatives = alternatives;
    this.delimiters = delimiters;
  }

  /** Compiles a glob already known to be well-formed (see {@link Glob#toRegex}); null when too many alternatives. */
  static GlobMatcher compile(String glob, List<Integer> delims) {
    List<List<Tok>> seqs = parse(glob, new int[] {0}, false);
    if (seqs == null) return null;
    List<Tok[]> out = new ArrayList<>();
    for (List<Tok> s : seqs) out.add(merge(s).toArray(new Tok[0]));
    int[] d = delims.stream().mapToInt(Integer::intValue).toArray();
    return new GlobMatcher(out, d);
  }

  boolean matches(String s) {
    for (Tok[] toks : alternatives) {
      int stars = 0;
      for (Tok t : toks) if (t instanceof Star || t instanceof Super) stars++;
      byte[] memo = stars > 1 ? new byte[(toks.length + 1) * (s.length() + 1)] : null;
      if (match(toks, 0, s, 0, memo)) return true;
    }
    return false;
  }

  private boolean isDelim(int cp) {
    for (int d : delimiters) if (d == cp) return true;
    return false;
  }

  private boolean match(Tok[] toks, int ti, String s, int pos, byte[] memo) {
    int key = ti * (s.length() + 1) + pos;
    if (memo != null && memo[key] != 0) return memo[key] == 2;
    boolean r = step(toks, ti, s, pos, memo);
    if (memo != null) memo[key] = (byte) (r ? 2 : 1);
    return r;
  }

  private boolean step(Tok[] toks, int ti, String s, int pos, byte[] memo) {
    if (ti == toks.length) return pos == s.length();
    Tok t = toks[ti];
    if (t instanceof Lit l) return s.startsWith(l.text, pos) && match(toks, ti + 1, s, pos + l.text.length(), memo);
    if (t instanceof Single || t instanceof Cls) {
      if (pos >= s.length()) return false;
      int cp = s.codePointAt(pos);
      boolean ok = t instanceof Cls c ? c.matches(cp) : !isDelim(cp);
      return ok && match(toks, ti + 1, s, pos + Character.charCount(cp), memo);
    }
    boolean crossDelims = t instanceof Super;
    int p = pos;
    while (true) {
      if (match(toks, ti + 1, s, p, memo)) return true;
      if (p >= s.length()) return false;
      int cp = s.codePointAt(p);
      if (!crossDelims && isDelim(cp)) return false;
      p += Character.charCount(cp);
    }
  }

  private static List<Tok> merge(List<Tok> in) {
    List<Tok> out = new ArrayList<>();
    for (Tok t : in) {
      Tok last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (t instanceof Lit l && last instanceof Lit pl) out.set(out.size() - 1, new Lit(pl.text + l.text));
      else out.add(t);
    }
    return out;
  }

  /** All token sequences of the pattern from pos[0] up to the end or (in braces) a ',' or '}'. */
  private static List<List<Tok>> parse(String g, int[] pos, boolean inBraces) {
    List<List<Tok>> seqs = new ArrayList<>();
    seqs.add(new ArrayList<>());
    while (pos[0] < g.length()) {
      int i = pos[0];
      char c = g.charAt(i);
      if (inBraces && (c == ',' || c == '}')) return seqs;
      Tok tok = null;
      switch (c) {
        case '*':
          if (i + 1 < g.length() && g.charAt(i + 1) == '*') {
            tok = new Super();
            pos[0] = i + 2;
          } else {
            tok = new Star();
            pos[0] = i + 1;
          }
          break;
        case '?':
          tok = new Single();
          pos[0] = i + 1;
          break;
        case '[':
          tok = charClass(g, pos);
          break;
        case '\\': {
          int cp = g.codePointAt(i + 1);
          tok = new Lit(new String(Character.toChars(cp)));
          pos[0] = i + 1 + Character.charCount(cp);
          break;
        }
        case '{': {
          pos[0] = i + 1;
          List<List<Tok>> alts = new ArrayList<>();
          while (true) {
            List<List<Tok>> part = parse(g, pos, true);
            if (part == null) return null;
            alts.addAll(part);
            char d = g.charAt(pos[0]++);
            if (d == '}') break;
          }
          List<List<Tok>> next = new ArrayList<>();
          for (List<Tok> prefix : seqs) {
            for (List<Tok> alt : alts) {
              List<Tok> l = new ArrayList<>(prefix);
              l.addAll(alt);
              next.add(l);
            }
          }
          if (next.size() > MAX_ALTERNATIVES) return null;
          seqs = next;
          continue;
        }
        default: {
          int cp = g.codePointAt(i);
          tok = new Lit(new String(Character.toChars(cp)));
          pos[0] = i + Character.charCount(cp);
        }
      }
      for (List<Tok> s : seqs) s.add(tok);
    }
    return seqs;
  }

  private static Tok charClass(String g, int[] pos) {
    int i = pos[0] + 1;
    boolean negate = i < g.length() && g.charAt(i) == '!';
    if (negate) i++;
    List<int[]> ranges = new ArrayList<>();
    while (g.charAt(i) != ']') {
      int lo = g.codePointAt(i);
      i += Character.charCount(lo);
      int hi = lo;
      if (i + 1 < g.length() && g.charAt(i) == '-' && g.charAt(i + 1) != ']') {
        hi = g.codePointAt(i + 1);
        i += 1 + Character.charCount(hi);
      }
      ranges.add(new int[] {lo, hi});
    }
    pos[0] = i + 1;
    int[] lo = new int[ranges.size()];
    int[] hi = new int[ranges.size()];
    for (int k = 0; k < lo.length; k++) {
      lo[k] = ranges.get(k)[0];
      hi[k] = ranges.get(k)[1];
    }
    return new Cls(lo, hi, negate);
  }
}
