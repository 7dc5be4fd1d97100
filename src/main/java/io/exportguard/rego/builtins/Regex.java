package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.b;
import static io.exportguard.rego.builtins.Args.def;
import static io.exportguard.rego.builtins.Args.s;
import static io.exportguard.rego.builtins.Args.str;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * regex.* with RE2/J, so matching is linear in the input as with Go's RE2. Compiled patterns are cached
 * per policy set. Iteration over matches follows Go's rules (an empty match right after a previous
 * match is skipped) and replacement templates use Go's {@code $1 ${name} $$} expansion.
 */
final class Regex {
  private Regex() {}

  /** Cache key of a compiled pattern, distinct from other families' keys. */
  private record Key(String pattern) {
    // Written out: the record's generated ones link through method handles on first use (start-up cost).
    @Override public boolean equals(Object o) { return o instanceof Key k && java.util.Objects.equals(pattern, k.pattern); }

    @Override public int hashCode() { return java.util.Objects.hashCode(pattern); }
  }

  /** A pattern that failed to compile, cached so a bad pattern is parsed once. */
  private record Invalid(String message) {}

  static Pattern compile(BuiltinContext ctx, String pattern) {
    Object o = ctx.policyCached(new Key(pattern), k -> {
      try {
        return Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        return new Invalid(e.getMessage());
      }
    });
    if (o instanceof Invalid bad) throw Args.fail(bad.message());
    return (Pattern) o;
  }

  static void register(BuiltinRegistry r) {
    Builtin match = (ctx, a) -> {
      String p = str(a, 1);
      String v = str(a, 2);
      return b(compile(ctx, p).matcher(v).find());
    };
    def(r, "regex.match", match);
    def(r, "re_match", match);
    def(r, "regex.is_valid", (ctx, a) -> {
      if (!(a.get(0) instanceof StringValue p)) return b(false);
      try {
        compile(ctx, p.value());
        return b(true);
      } catch (BuiltinException e) {
        return b(false);
      }
    });
    def(r, "regex.split", (ctx, a) -> {
      Pattern p = compile(ctx, str(a, 1));
      String v = str(a, 2);
      return split(p, v);
    });
    def(r, "regex.find_n", (ctx, a) -> {
      Pattern p = compile(ctx, str(a, 1));
      String v = str(a, 2);
      int n = Args.integer(a, 3);
      List<Value> out = new ArrayList<>();
      for (int[] m : allMatches(p, v, n)) out.add(s(v.substring(m[0], m[1])));
      return ArrayValue.of(out);
    });
    def(r, "regex.find_all_string_submatch_n", (ctx, a) -> {
      Pattern p = compile(ctx, str(a, 1));
      String v = str(a, 2);
      int n = Args.integer(a, 3);
      List<Value> out = new ArrayList<>();
      for (int[] m : allMatches(p, v, n)) {
        List<Value> groups = new ArrayList<>();
        for (int g = 0; g < m.length / 2; g++) {
          groups.add(m[2 * g] < 0 ? StringValue.EMPTY : s(v.substring(m[2 * g], m[2 * g + 1])));
        }
        out.add(ArrayValue.of(groups));
      }
      return ArrayValue.of(out);
    });
    def(r, "regex.replace", (ctx, a) -> {
      String v = str(a, 1);
      Pattern p = compile(ctx, str(a, 2));
      String template = str(a, 3);
      return s(replaceAll(p, v, template));
    });
    def(r, "regex.template_match", (ctx, a) -> {
      String template = str(a, 1);
      String v = str(a, 2);
      String open = str(a, 3);
      String close = str(a, 4);
      int openLen = open.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      int closeLen = close.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      if (openLen != 1) throw Args.fail("start delimiter has to be exactly one character long but is " + openLen + " long");
      if (closeLen != 1) throw Args.fail("end delimiter has to be exactly one character long but is " + openLen + " long");
      Pattern p = compile(ctx, templateRegex(template, open, close));
      return b(p.matcher(v).find());
    });
  }

  /** Go's FindAll*Index: successive non-overlapping matches; n &lt; 0 means all. Each entry holds group spans. */
  static List<int[]> allMatches(Pattern p, String s, int n) {
    List<int[]> out = new ArrayList<>();
    if (n == 0) return out;
    Matcher m = p.matcher(s);
    int groups = m.groupCount() + 1;
    int pos = 0;
    int prevEnd = -1;
    while ((n < 0 || out.size() < n) && pos <= s.length()) {
      if (!m.find(pos)) break;
      boolean accept = true;
      if (m.end() == pos) {
        if (m.start() == prevEnd) accept = false;
        pos = pos < s.length() ? pos + Character.charCount(s.codePointAt(pos)) : s.length() + 1;
      } else {
        pos = m.end();
      }
      prevEnd = m.end();
      if (accept) {
        int[] spans = new int[groups * 2];
        for (int g = 0; g < groups; g++) {
          spans[2 * g] = m.start(g);
          spans[2 * g + 1] = m.end(g);
        }
        out.add(spans);
      }
    }
    return out;
  }

  /** Go's Regexp.Split(s, -1). */
  static ArrayValue split(Pattern p, String s) {
    List<Value> out = new ArrayList<>();
    if (!p.pattern().isEmpty() && s.isEmpty()) return ArrayValue.of(StringValue.EMPTY);
    int beg = 0;
    int end = 0;
    for (int[] m : allMatches(p, s, -1)) {
      end = m[0];
      if (m[1] != 0) out.add(s(s.substring(beg, end)));
      beg = m[1];
    }
    if (end != s.length()) out.add(s(s.substring(beg)));
    return ArrayValue.of(out);
  }

  /** Go's ReplaceAllString with template expansion. */
  static String replaceAll(Pattern p, String s, String template) {
    StringBuilder sb = new StringBuilder();
    int last = 0;
    java.util.Map<String, Integer> names = p.namedGroups();
    for (int[] m : allMatches(p, s, -1)) {
      sb.append(s, last, m[0]);
      expand(template, s, m, names, sb);
      last = m[1];
    }
    sb.append(s, last, s.length());
    return sb.toString();
  }

  private static void expand(String t, String s, int[] m, java.util.Map<String, Integer> names, StringBuilder sb) {
    int i = 0;
    while (i < t.length()) {
      char c = t.charAt(i);
      if (c != '$' || i + 1 >= t.length()) {
        sb.append(c);
        i++;
        continue;
      }
      if (t.charAt(i + 1) == '$') {
        sb.append('$');
        i += 2;
        continue;
      }
      String name;
      int next;
      if (t.charAt(i + 1) == '{') {
        int close = t.indexOf('}', i + 2);
        name = close < 0 ? null : t.substring(i + 2, close);
        next = close + 1;
        if (name != null && (name.isEmpty() || !name.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_'))) {
          name = null;
        }
      } else {
        int j = i + 1;
        while (j < t.length() && (Character.isLetterOrDigit(t.charAt(j)) || t.charAt(j) == '_')) j++;
        name = j > i + 1 ? t.substring(i + 1, j) : null;
        next = j;
      }
      if (name == null) { // malformed: keep the dollar as text
        sb.append('$');
        i++;
        continue;
      }
      int g = -1;
      if (name.chars().allMatch(Character::isDigit)) {
        try { g = Integer.parseInt(name); } catch (NumberFormatException e) { g = -1; }
      } else if (names.containsKey(name)) {
        g = names.get(name);
      }
      if (g >= 0 && g < m.length / 2 && m[2 * g] >= 0) sb.append(s, m[2 * g], m[2 * g + 1]);
      i = next;
    }
  }

  /** Builds {@code ^literal(regex)literal$} from a template with delimited regex parts. */
  static String templateRegex(String template, String open, String close) {
    StringBuilder re = new StringBuilder("^");
    int i = 0;
    while (i < template.length()) {
      int start = template.indexOf(open, i);
      if (start < 0 || open.isEmpty()) {
        re.append(Pattern.quote(template.substring(i)));
        break;
      }
      re.append(Pattern.quote(template.substring(i, start)));
      int depth = 1;
      int j = start + open.length();
      int bodyStart = j;
      while (j < template.length() && depth > 0) {
        if (template.startsWith(open, j)) { depth++; j += open.length(); }
        else if (template.startsWith(close, j)) {
          depth--;
          if (depth == 0) break;
          j += close.length();
        } else {
          j++;
        }
      }
      if (depth != 0) throw Args.fail("unbalanced braces in \"" + template + "\"");
      re.append('(').append(template, bodyStart, j).append(')');
      i = j + close.length();
    }
    return re.append('$').toString();
  }
}
