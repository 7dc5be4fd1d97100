package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.b;
import static io.exportguard.rego.builtins.Args.def;
import static io.exportguard.rego.builtins.Args.n;
import static io.exportguard.rego.builtins.Args.s;
import static io.exportguard.rego.builtins.Args.str;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OPA's string builtins. Positions and lengths count code points (Go runes), as OPA's do; splitting,
 * trimming and replacing follow Go's strings package.
 */
final class Strings {
  private Strings() {}

  /** Go text/template over the object's values ({@link GoTemplate}); a missing key is an error. */
  static Value renderTemplate(BuiltinContext ctx, List<Value> a) {
    String template = str(a, 1);
    ObjectValue vars = Args.obj(a, 2);
    try {
      return s(GoTemplate.render(template, vars));
    } catch (GoTemplate.Failure e) {
      throw Args.fail(e.getMessage());
    }
  }

  static void register(BuiltinRegistry r) {
    def(r, "strings.render_template", Strings::renderTemplate);
    def(r, "concat", (ctx, a) -> {
      String delim = str(a, 1);
      Value coll = a.get(1);
      List<Value> items;
      if (coll instanceof ArrayValue x) items = x.items();
      else if (coll instanceof SetValue x) items = new ArrayList<>(x.items());
      else throw Args.typeError(2, coll, "set", "array");
      StringBuilder sb = new StringBuilder();
      boolean first = true;
      for (Value v : items) {
        if (!(v instanceof StringValue sv)) throw Args.elementError(2, coll, v, "string");
        if (!first) sb.append(delim);
        first = false;
        sb.append(sv.value());
      }
      return s(sb.toString());
    });
    def(r, "contains", (ctx, a) -> b(str(a, 1).contains(str(a, 2))));
    def(r, "startswith", (ctx, a) -> b(str(a, 1).startsWith(str(a, 2))));
    def(r, "endswith", (ctx, a) -> b(str(a, 1).endsWith(str(a, 2))));
    // Go maps case rune by rune (simple mappings): "ß" stays "ß", unlike Java's full String mapping.
    def(r, "lower", (ctx, a) -> s(mapCase(str(a, 1), false)));
    def(r, "upper", (ctx, a) -> s(mapCase(str(a, 1), true)));
    def(r, "format_int", (ctx, a) -> {
      NumberValue x = Args.num(a, 1);
      NumberValue base = Args.num(a, 2);
      Integer radix = base.intValueOrNull();
      if (radix == null || (radix != 2 && radix != 8 && radix != 10 && radix != 16)) {
        throw Args.operand(2, "must be one of {2, 8, 10, 16}");
      }
      BigInteger i = Args.toBigInteger(x.value());
      return s(i.toString(radix));
    });
    def(r, "indexof", (ctx, a) -> {
      String h = str(a, 1);
      String needle = str(a, 2);
      if (needle.isEmpty()) throw Args.fail("empty search character");
      int i = h.indexOf(needle);
      return n(i < 0 ? -1 : h.codePointCount(0, i));
    });
    def(r, "indexof_n", (ctx, a) -> {
      String h = str(a, 1);
      String needle = str(a, 2);
      if (needle.isEmpty()) throw Args.fail("empty search character");
      List<Value> out = new ArrayList<>();
      int from = 0;
      while (from <= h.length()) {
        int i = h.indexOf(needle, from);
        if (i < 0 || (needle.isEmpty() && i == h.length())) break;
        out.add(n(h.codePointCount(0, i)));
        from = i + Character.charCount(h.codePointAt(i));
      }
      return ArrayValue.of(out);
    });
    def(r, "replace", (ctx, a) -> s(replaceAll(str(a, 1), str(a, 2), str(a, 3))));
    def(r, "split", (ctx, a) -> split(str(a, 1), str(a, 2), -1));
    def(r, "strings.split_n", (ctx, a) -> split(str(a, 1), str(a, 2), Args.integer(a, 3)));
    def(r, "strings.reverse", (ctx, a) -> s(new StringBuilder(str(a, 1)).reverse().toString()));
    def(r, "strings.count", (ctx, a) -> {
      String h = str(a, 1);
      String needle = str(a, 2);
      if (needle.isEmpty()) return n(h.codePointCount(0, h.length()) + 1L);
      int count = 0;
      for (int i = h.indexOf(needle); i >= 0; i = h.indexOf(needle, i + needle.length())) count++;
      return n(count);
    });
    def(r, "strings.replace_n", (ctx, a) -> {
      ObjectValue patterns = Args.obj(a, 1);
      String text = str(a, 2);
      List<String[]> pairs = new ArrayList<>();
      for (Map.Entry<Value, Value> e : patterns.entries().entrySet()) {
        if (!(e.getKey() instanceof StringValue k)) throw Args.operand(1, "non-string key found in pattern object");
        if (!(e.getValue() instanceof StringValue v)) throw Args.operand(1, "non-string value found in pattern object");
        pairs.add(new String[] {k.value(), v.value()});
      }
      return s(replaceMany(text, pairs));
    });
    def(r, "strings.any_prefix_match", (ctx, a) -> anyMatch(a, true));
    def(r, "strings.any_suffix_match", (ctx, a) -> anyMatch(a, false));
    def(r, "substring", (ctx, a) -> {
      String base = str(a, 1);
      int start = Args.integer(a, 2);
      int length = Args.integer(a, 3);
      if (start < 0) throw Args.fail("negative offset");
      int runes = base.codePointCount(0, base.length());
      if (start >= runes) return StringValue.EMPTY;
      int from = base.offsetByCodePoints(0, start);
      if (length < 0 || (long) start + length >= runes) return s(base.substring(from));
      return s(base.substring(from, base.offsetByCodePoints(from, length)));
    });
    def(r, "trim", (ctx, a) -> s(trimRight(trimLeft(str(a, 1), str(a, 2)), str(a, 2))));
    def(r, "trim_left", (ctx, a) -> s(trimLeft(str(a, 1), str(a, 2))));
    def(r, "trim_right", (ctx, a) -> s(trimRight(str(a, 1), str(a, 2))));
    def(r, "trim_prefix", (ctx, a) -> {
      String x = str(a, 1);
      String p = str(a, 2);
      return s(x.startsWith(p) ? x.substring(p.length()) : x);
    });
    def(r, "trim_suffix", (ctx, a) -> {
      String x = str(a, 1);
      String p = str(a, 2);
      return s(x.endsWith(p) ? x.substring(0, x.length() - p.length()) : x);
    });
    def(r, "trim_space", (ctx, a) -> s(trimSpace(str(a, 1))));
  }

  static String mapCase(String x, boolean upper) {
    StringBuilder sb = new StringBuilder(x.length());
    x.codePoints().forEach(cp -> sb.appendCodePoint(upper ? Character.toUpperCase(cp) : Character.toLowerCase(cp)));
    return sb.toString();
  }

  /** Go's strings.ReplaceAll: an empty pattern inserts the replacement around every rune. */
  static String replaceAll(String x, String old, String rep) {
    if (!old.isEmpty()) return x.replace(old, rep);
    StringBuilder sb = new StringBuilder(rep);
    x.codePoints().forEach(cp -> sb.appendCodePoint(cp).append(rep));
    return sb.toString();
  }

  /** Go's strings.SplitN (n &lt; 0: all); an empty separator splits into runes. */
  static ArrayValue split(String x, String sep, int n) {
    if (n == 0) return ArrayValue.EMPTY;
    List<Value> out = new ArrayList<>();
    if (sep.isEmpty()) {
      int i = 0;
      while (i < x.length()) {
        if (n > 0 && out.size() == n - 1) {
          out.add(s(x.substring(i)));
          return ArrayValue.of(out);
        }
        int cp = x.codePointAt(i);
        int len = Character.charCount(cp);
        out.add(s(x.substring(i, i + len)));
        i += len;
      }
      return ArrayValue.of(out);
    }
    int start = 0;
    while (n < 0 || out.size() < n - 1) {
      int i = x.indexOf(sep, start);
      if (i < 0) break;
      out.add(s(x.substring(start, i)));
      start = i + sep.length();
    }
    out.add(s(x.substring(start)));
    return ArrayValue.of(out);
  }

  /** Go's strings.Replacer: left to right, at each position the first pattern (in order) that matches. */
  static String replaceMany(String text, List<String[]> pairs) {
    StringBuilder sb = new StringBuilder(text.length());
    int i = 0;
    boolean emptyPattern = pairs.stream().anyMatch(p -> p[0].isEmpty());
    while (i <= text.length()) {
      String[] hit = null;
      for (String[] p : pairs) {
        if (text.startsWith(p[0], i)) {
          hit = p;
          break;
        }
      }
      if (hit != null && !(hit[0].isEmpty() && !emptyPattern)) {
        sb.append(hit[1]);
        if (!hit[0].isEmpty()) {
          i += hit[0].length();
          continue;
        }
      }
      if (i == text.length()) break;
      int cp = text.codePointAt(i);
      sb.appendCodePoint(cp);
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  private static Value anyMatch(List<Value> a, boolean prefix) {
    List<String> search = stringsOrString(a, 1);
    List<String> base = stringsOrString(a, 2);
    for (String x : search) {
      for (String y : base) {
        if (prefix ? x.startsWith(y) : x.endsWith(y)) return b(true);
      }
    }
    return b(false);
  }

  private static List<String> stringsOrString(List<Value> a, int pos) {
    Value v = a.get(pos - 1);
    if (v instanceof StringValue sv) return List.of(sv.value());
    if (v instanceof ArrayValue || v instanceof SetValue) return Args.strings(a, pos);
    throw Args.typeError(pos, v, "string", "set", "array");
  }

  static String trimLeft(String x, String cutset) {
    int i = 0;
    while (i < x.length()) {
      int cp = x.codePointAt(i);
      if (cutset.indexOf(cp) < 0) break;
      i += Character.charCount(cp);
    }
    return x.substring(i);
  }

  static String trimRight(String x, String cutset) {
    int end = x.length();
    while (end > 0) {
      int cp = x.codePointBefore(end);
      if (cutset.indexOf(cp) < 0) break;
      end -= Character.charCount(cp);
    }
    return x.substring(0, end);
  }

  /** Go's unicode.IsSpace set. */
  static boolean isSpace(int cp) {
    switch (cp) {
      case '\t': case '\n': case 0x0B: case '\f': case '\r': case ' ': case 0x85: case 0xA0:
        return true;
      default:
        return cp > 0xFF && Character.isSpaceChar(cp) || cp == 0x1680 || cp == 0x3000;
    }
  }

  static String trimSpace(String x) {
    int start = 0;
    int end = x.length();
    while (start < end && isSpace(x.codePointAt(start))) start += Character.charCount(x.codePointAt(start));
    while (end > start && isSpace(x.codePointBefore(end))) end -= Character.charCount(x.codePointBefore(end));
    return x.substring(start, end);
  }
}
