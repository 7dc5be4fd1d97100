package io.exportguard.rego.eval;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.exportguard.rego.builtins.BuiltinContext;
import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Upper bounds, from the operands, of the results of the builtins that can build far more than they
 * are given — a range, a string with every match replaced, the text of a value whose parts are
 * shared — checked against the query's budget before the builtin runs, so one call cannot exhaust
 * the heap before its result is charged. Operands of the wrong type are left to the builtin's own
 * error. A cheap bound is tried first; an exact count (which scans the operands) only when it does
 * not fit.
 */
final class ResultBounds {
  /** The widest a {@code *} width or precision can make one verb (sprintf refuses wider ones). */
  private static final long STAR_WIDTH = 1_000_000;

  private ResultBounds() {}

  /** Throws {@code eval_budget_error} when the builtin's result cannot fit the remaining budget. */
  static void check(BuiltinContext ctx, String builtin, Value[] args) {
    switch (builtin) {
      case "numbers.range" -> range(ctx, args[0], args[1], BigDecimal.ONE);
      case "numbers.range_step" -> {
        if (args[2] instanceof NumberValue step && step.value().signum() > 0) range(ctx, args[0], args[1], step.value());
      }
      case "concat" -> concat(ctx, args);
      case "replace" -> {
        if (args[0] instanceof StringValue s && args[1] instanceof StringValue old && args[2] instanceof StringValue nw) {
          ctx.ensureBudget(0, replaced(ctx, s.value(), old.value(), nw.value()));
        }
      }
      case "strings.replace_n" -> replaceMany(ctx, args);
      case "regex.replace" -> regexReplace(ctx, args);
      case "split" -> {
        if (args[0] instanceof StringValue s && args[1] instanceof StringValue d) split(ctx, s.value(), d.value());
      }
      case "json.marshal", "yaml.marshal", "json.marshal_with_options", "urlquery.encode_object",
           "io.jwt.encode_sign", "io.jwt.encode_sign_raw" -> text(ctx, args);
      case "sprintf" -> sprintf(ctx, args);
      case "internal.template_string" -> text(ctx, args);
      case "walk" -> {
        ValueSize.Size s = ValueSize.of(args[0], ctx);
        ctx.ensureBudget(mul(s.nodes(), 2 + s.depth()), 0);
      }
      default -> { }
    }
  }

  private static void range(BuiltinContext ctx, Value from, Value to, BigDecimal step) {
    if (!(from instanceof NumberValue a) || !(to instanceof NumberValue b)) return;
    BigDecimal span = b.value().subtract(a.value()).abs().divideToIntegralValue(step);
    ctx.ensureBudget(span.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0 ? Long.MAX_VALUE : span.longValue() + 1, 0);
  }

  private static void concat(BuiltinContext ctx, Value[] args) {
    if (!(args[0] instanceof StringValue delim)) return;
    List<Value> items = args[1] instanceof ArrayValue a ? a.items()
        : args[1] instanceof SetValue s ? new ArrayList<>(s.items()) : List.of();
    long chars = mul(Math.max(0, items.size() - 1), delim.value().length());
    for (Value v : items) if (v instanceof StringValue s) chars = add(chars, s.value().length());
    ctx.ensureBudget(0, chars);
  }

  /** The length of {@code s} with every {@code old} replaced by {@code nw} (an empty old matches between runes, as Go's). */
  private static long replaced(BuiltinContext ctx, String s, String old, String nw) {
    long grow = nw.length() - old.length();
    if (grow <= 0) return s.length();
    long cheap = add(s.length(), mul(s.length() + 1L, grow));
    if (ctx.fitsBudget(0, cheap)) return cheap;
    return add(s.length(), mul(occurrences(s, old), grow));
  }

  private static void replaceMany(BuiltinContext ctx, Value[] args) {
    if (!(args[0] instanceof ObjectValue patterns) || !(args[1] instanceof StringValue text)) return;
    String s = text.value();
    long chars = s.length();
    for (Map.Entry<Value, Value> e : patterns.entries().entrySet()) {
      if (e.getKey() instanceof StringValue old && e.getValue() instanceof StringValue nw) {
        chars = add(chars, replaced(ctx, s, old.value(), nw.value()) - s.length());
      }
    }
    ctx.ensureBudget(0, chars);
  }

  private static void regexReplace(BuiltinContext ctx, Value[] args) {
    if (!(args[0] instanceof StringValue text) || !(args[1] instanceof StringValue pattern)
        || !(args[2] instanceof StringValue template)) return;
    String s = text.value();
    String t = template.value();
    // Each match becomes the template, whose $-references copy parts of the match: all matches
    // together are at most the whole text, so each reference adds at most the text's length.
    long refs = t.chars().filter(c -> c == '$').count();
    long expansions = mul(refs, s.length());
    long cheap = add(add(s.length(), mul(s.length() + 1L, t.length())), expansions);
    if (ctx.fitsBudget(0, cheap)) return;
    long matches;
    try {
      matches = matches(ctx, Pattern.compile(pattern.value()), s);
    } catch (PatternSyntaxException e) {
      return; // the builtin reports it
    }
    ctx.ensureBudget(0, add(add(s.length(), mul(matches, t.length())), expansions));
  }

  private static void split(BuiltinContext ctx, String s, String delim) {
    if (ctx.fitsBudget(s.length() + 1L, 0)) return;
    ctx.ensureBudget(delim.isEmpty() ? s.codePointCount(0, s.length()) : occurrences(s, delim) + 1, 0);
  }

  /** json.marshal and friends: the text of every operand, with room for pretty-printing. */
  private static void text(BuiltinContext ctx, Value[] args) {
    long chars = 0;
    for (Value v : args) {
      ValueSize.Size s = ValueSize.of(v, ctx);
      long indent = 2;
      chars = add(chars, add(s.chars(), mul(s.nodes(), 1 + mul(s.depth(), indent))));
    }
    if (args.length > 1 && args[1] instanceof ObjectValue opts) {
      // json.marshal_with_options: each line starts with the prefix and one indent per level.
      long extra = 0;
      for (Value o : opts.entries().values()) if (o instanceof StringValue sv) extra = add(extra, sv.value().length());
      ValueSize.Size s = ValueSize.of(args[0], ctx);
      chars = add(chars, mul(s.nodes(), mul(extra, s.depth() + 1)));
    }
    ctx.ensureBudget(0, chars);
  }

  /** sprintf: the format, every operand's text, and any widths and precisions the format asks for. */
  private static void sprintf(BuiltinContext ctx, Value[] args) {
    if (!(args[0] instanceof StringValue format)) return;
    String f = format.value();
    long chars = f.length();
    if (args[1] instanceof ArrayValue a) {
      // Findings format a few scalars each: measure those directly, only composites in depth.
      for (int i = 0; i < a.size(); i++) {
        Value v = a.get(i);
        chars = add(chars, v instanceof StringValue s ? s.value().length() : ValueSize.chars(v, ctx));
      }
    }
    for (int i = f.indexOf('%'); i >= 0; i = f.indexOf('%', i + 1)) {
      long number = 0;
      for (int j = i + 1; j < f.length() && "+-# 0123456789.*".indexOf(f.charAt(j)) >= 0; j++) {
        char c = f.charAt(j);
        if (c >= '0' && c <= '9') {
          number = Math.min(add(mul(number, 10), c - '0'), Integer.MAX_VALUE);
        } else if (c == '.' || c == '*') {
          chars = add(chars, c == '*' ? STAR_WIDTH : number);
          number = 0;
        }
      }
      chars = add(chars, number);
    }
    ctx.ensureBudget(0, chars);
  }

  private static long occurrences(String s, String needle) {
    if (needle.isEmpty()) return s.codePointCount(0, s.length()) + 1L;
    long n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length())) n++;
    return n;
  }

  private static long matches(BuiltinContext ctx, Pattern p, String s) {
    Matcher m = p.matcher(s);
    long n = 0;
    while (m.find()) {
      if ((++n & 0xFFF) == 0) ctx.checkDeadline();
    }
    return n;
  }

  private static long add(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }

  private static long mul(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
  }
}
