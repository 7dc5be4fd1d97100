package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.b;
import static io.exportguard.rego.builtins.Args.def;
import static io.exportguard.rego.builtins.Args.s;
import static io.exportguard.rego.builtins.Args.str;

import com.google.re2j.Pattern;
import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.NullValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * glob.match and glob.quote_meta with the semantics of the glob library OPA uses: {@code *} matches
 * within one delimiter-separated segment, {@code **} across segments, {@code ?} one non-delimiter
 * character, {@code [abc] [!a-z]} one character from a class, {@code {a,b}} alternatives, {@code \}
 * escapes. A glob is compiled once per policy set into a {@link GlobMatcher} (or, with very many brace
 * alternatives, an anchored RE2/J pattern).
 * Delimiters: null means none, an empty array means the default {@code "."}.
 */
final class Glob {
  private Glob() {}

  private record Key(String pattern, List<Integer> delimiters) {}

  private record Invalid(String message) {}

  static void register(BuiltinRegistry r) {
    def(r, "glob.match", (ctx, a) -> {
      String pattern = str(a, 1);
      List<Integer> delims = delimiters(a.get(1));
      String match = str(a, 3);
      Object compiled = ctx.policyCached(new Key(pattern, delims), k -> compile(pattern, delims));
      if (compiled instanceof Invalid bad) throw Args.fail(bad.message());
      if (compiled instanceof GlobMatcher m) return b(m.matches(match));
      return b(((Pattern) compiled).matches(match));
    });
    def(r, "glob.quote_meta", (ctx, a) -> {
      String x = str(a, 1);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < x.length(); i++) {
        char c = x.charAt(i);
        if ("*?\\[]{}".indexOf(c) >= 0) sb.append('\\');
        sb.append(c);
      }
      return s(sb.toString());
    });
  }

  /** A direct matcher, or the RE2/J translation for globs with very many brace alternatives. */
  static Object compile(String pattern, List<Integer> delims) {
    String regex;
    try {
      regex = toRegex(pattern, delims); // also validates the glob
    } catch (IllegalArgumentException e) {
      return new Invalid(e.getMessage());
    }
    GlobMatcher direct = GlobMatcher.compile(pattern, delims);
    return direct != null ? direct : Pattern.compile(regex, Pattern.DOTALL);
  }

  private static List<Integer> delimiters(Value v) {
    if (v instanceof NullValue) return List.of();
    if (!(v instanceof ArrayValue arr)) throw Args.typeError(2, v, "array", "null");
    List<Integer> out = new ArrayList<>();
    for (Value e : arr.items()) {
      if (!(e instanceof StringValue s)) throw Args.elementError(2, arr, e, "string");
      if (s.value().codePointCount(0, s.value().length()) != 1) throw Args.elementError(2, arr, e, "rune");
      out.add(s.value().codePointAt(0));
    }
    return out.isEmpty() ? List.of((int) '.') : out;
  }

  /** Translates a glob into an anchored regex; throws IllegalArgumentException for a malformed glob. */
  static String toRegex(String glob, List<Integer> delims) {
    StringBuilder cls = new StringBuilder();
    for (int d : delims) appendClassChar(d, cls);
    String notDelim = delims.isEmpty() ? "." : "[^" + cls + "]";
    StringBuilder re = new StringBuilder("^");
    int[] pos = {0};
    translate(glob, pos, re, notDelim, 0);
    if (pos[0] < glob.length()) throw new IllegalArgumentException("unexpected '" + glob.charAt(pos[0]) + "'");
    return re.append('$').toString();
  }

  /** Translates until end of input or, inside braces, until the closing brace or a comma. */
  private static void translate(String g, int[] pos, StringBuilder re, String notDelim, int depth) {
    while (pos[0] < g.length()) {
      int i = pos[0];
      char c = g.charAt(i);
      if (depth > 0 && (c == ',' || c == '}')) return;
      switch (c) {
        case '*':
          if (i + 1 < g.length() && g.charAt(i + 1) == '*') {
            re.append("(?:.*)");
            pos[0] = i + 2;
          } else {
            re.append("(?:").append(notDelim).append("*)");
            pos[0] = i + 1;
          }
          break;
        case '?':
          re.append(notDelim);
          pos[0] = i + 1;
          break;
        case '[':
          pos[0] = charClass(g, i, re);
          break;
        case '{': {
          pos[0] = i + 1;
          re.append("(?:");
          while (true) {
            translate(g, pos, re, notDelim, depth + 1);
            if (pos[0] >= g.length()) throw new IllegalArgumentException("unexpected end of input: unclosed '{'");
            char d = g.charAt(pos[0]++);
            if (d == '}') break;
            re.append('|');
          }
          re.append(')');
          break;
        }
        case '\\': {
          if (i + 1 >= g.length()) throw new IllegalArgumentException("unexpected end of input after escape");
          int cp = g.codePointAt(i + 1);
          appendLiteral(cp, re);
          pos[0] = i + 1 + Character.charCount(cp);
          break;
        }
        case ']':
        case '}':
          // Outside a class or braces these are ordinary characters.
          appendLiteral(c, re);
          pos[0] = i + 1;
          break;
        default: {
          int cp = g.codePointAt(i);
          appendLiteral(cp, re);
          pos[0] = i + Character.charCount(cp);
        }
      }
    }
  }

  private static int charClass(String g, int start, StringBuilder re) {
    int i = start + 1;
    boolean negate = i < g.length() && g.charAt(i) == '!';
    if (negate) i++;
    StringBuilder body = new StringBuilder();
    boolean any = false;
    while (i < g.length() && g.charAt(i) != ']') {
      int lo = g.codePointAt(i);
      i += Character.charCount(lo);
      if (i + 1 < g.length() && g.charAt(i) == '-' && g.charAt(i + 1) != ']') {
        int hi = g.codePointAt(i + 1);
        i += 1 + Character.charCount(hi);
        if (hi < lo) throw new IllegalArgumentException("invalid range");
        appendClassChar(lo, body);
        body.append('-');
        appendClassChar(hi, body);
      } else {
        appendClassChar(lo, body);
      }
      any = true;
    }
    if (i >= g.length()) throw new IllegalArgumentException("unexpected end of input: unclosed '['");
    if (!any) throw new IllegalArgumentException("empty character class");
    re.append(negate ? "[^" : "[").append(body).append(']');
    return i + 1;
  }

  private static void appendClassChar(int cp, StringBuilder sb) {
    if ("\\^]-[".indexOf(cp) >= 0) sb.append('\\');
    sb.appendCodePoint(cp);
  }

  private static void appendLiteral(int cp, StringBuilder sb) {
    if ("\\.+*?()|[]{}^$".indexOf(cp) >= 0) sb.append('\\');
    sb.appendCodePoint(cp);
  }
}
