package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.def;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * sprintf with Go's fmt semantics over the argument types OPA hands to Go: integers become Go ints
 * (or *big.Int beyond 64 bits), other numbers float64, strings strings, and every other value its Rego
 * text ({@code [1, "a"]}, {@code {"k": true}}, {@code true}) as a string. Mismatched verbs print Go's
 * {@code %!d(string=x)} forms; missing and extra arguments print {@code %!d(MISSING)} and
 * {@code %!(EXTRA ...)}.
 */
final class Sprintf {
  private Sprintf() {}

  static void register(BuiltinRegistry r) {
    def(r, "sprintf", (ctx, a) -> {
      String format = Args.str(a, 1);
      ArrayValue args = Args.arr(a, 2);
      return StringValue.of(format(format, args.items()));
    });
  }

  /** One argument as Go sees it. */
  private record Arg(Object value, String goType) {}

  private static Arg goArg(Value v) {
    if (v instanceof NumberValue n) {
      // OPA passes an integer only when the number's text is one: 1e2 (a negative scale here) is a float64.
      boolean integerText = n.isInteger() && n.value().scale() >= 0;
      if (integerText && Args.integerDigits(n.value()) <= Args.MAX_INTEGER_DIGITS) {
        BigInteger i = n.value().toBigInteger();
        return new Arg(i, i.bitLength() < 64 ? "int" : "*big.Int");
      }
      double d = integerText ? Double.POSITIVE_INFINITY : n.value().doubleValue();
      // Beyond float64 range Go keeps the number's text (2e308) as a string.
      if (Double.isInfinite(d)) return new Arg(n.value().toString().replace("E+", "e").replace('E', 'e'), "string");
      return new Arg(d, "float64");
    }
    if (v instanceof StringValue s) return new Arg(s.value(), "string");
    return new Arg(RegoText.of(v), "string");
  }

  static String format(String format, List<Value> values) {
    Arg[] args = new Arg[values.size()];
    for (int i = 0; i < args.length; i++) args[i] = goArg(values.get(i));
    StringBuilder out = new StringBuilder();
    int argi = 0;
    boolean reordered = false;
    int i = 0;
    int n = format.length();
    while (i < n) {
      char c = format.charAt(i);
      if (c != '%') {
        out.append(c);
        i++;
        continue;
      }
      i++;
      Spec sp = new Spec();
      // flags
      for (; i < n; i++) {
        char f = format.charAt(i);
        if (f == '-') { sp.minus = true; sp.zero = false; }
        else if (f == '+') sp.plus = true;
        else if (f == '#') sp.sharp = true;
        else if (f == ' ') sp.space = true;
        else if (f == '0') sp.zero = !sp.minus;
        else break;
      }
      // argument index, width
      int[] idx = argIndex(format, i, args.length);
      if (idx != null) { argi = idx[0]; i = idx[1]; reordered = true; }
      if (i < n && format.charAt(i) == '*') {
        i++;
        if (argi < args.length && args[argi].value instanceof BigInteger w && w.abs().compareTo(BigInteger.valueOf(1_000_000)) <= 0) {
          sp.width = w.intValue();
          if (sp.width < 0) { sp.minus = true; sp.width = -sp.width; sp.zero = false; }
        } else {
          out.append("%!(BADWIDTH)");
        }
        argi++;
      } else {
        int start = i;
        while (i < n && Character.isDigit(format.charAt(i))) i++;
        if (i > start) {
          // Go rejects widths above a million (and so avoids giant allocations).
          sp.width = i - start > 7 ? Integer.MAX_VALUE : Integer.parseInt(format.substring(start, i));
          if (sp.width > 1_000_000) {
            out.append("%!(BADWIDTH)");
            sp.width = -1;
          }
        }
      }
      if (i < n && format.charAt(i) == '.') {
        i++;
        idx = argIndex(format, i, args.length);
        if (idx != null) { argi = idx[0]; i = idx[1]; reordered = true; }
        if (i < n && format.charAt(i) == '*') {
          i++;
          if (argi < args.length && args[argi].value instanceof BigInteger p && p.signum() >= 0
              && p.compareTo(BigInteger.valueOf(1_000_000)) <= 0) {
            sp.prec = p.intValue();
          } else {
            out.append("%!(BADPREC)");
          }
          argi++;
        } else {
          int start = i;
          while (i < n && Character.isDigit(format.charAt(i))) i++;
          sp.prec = i == start ? 0 : i - start > 7 ? Integer.MAX_VALUE : Integer.parseInt(format.substring(start, i));
          if (sp.prec > 1_000_000) {
            out.append("%!(BADPREC)");
            sp.prec = -1;
          }
        }
      }
      idx = argIndex(format, i, args.length);
      if (idx != null) { argi = idx[0]; i = idx[1]; reordered = true; }
      if (i >= n) {
        out.append("%!(NOVERB)");
        break;
      }
      int verb = format.codePointAt(i);
      i += Character.charCount(verb);
      if (verb == '%') {
        out.append('%');
        continue;
      }
      if (argi >= args.length) {
        out.append("%!").appendCodePoint(verb).append("(MISSING)");
        continue;
      }
      Arg arg = args[argi++];
      if (verb == 'T') {
        Spec plain = new Spec();
        plain.width = sp.width;
        plain.minus = sp.minus;
        out.append(GoFmt.formatOne(arg.goType, "string", 's', plain));
        continue;
      }
      out.append(GoFmt.formatOne(arg.value, arg.goType, verb, sp));
    }
    if (!reordered && argi < args.length) {
      out.append("%!(EXTRA ");
      for (int k = argi; k < args.length; k++) {
        if (k > argi) out.append(", ");
        out.append(args[k].goType).append('=').append(GoFmt.formatOne(args[k].value, args[k].goType, 'v', new Spec()));
      }
      out.append(')');
    }
    return out.toString();
  }

  /** Parses {@code [n]} at i; returns {zero-based index, next position} or null. */
  private static int[] argIndex(String f, int i, int nargs) {
    if (i >= f.length() || f.charAt(i) != '[') return null;
    int close = f.indexOf(']', i);
    if (close < 0) return null;
    try {
      int k = Integer.parseInt(f.substring(i + 1, close));
      if (k < 1) return null;
      return new int[] {k - 1, close + 1};
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Flags, width and precision of one verb. */
  static final class Spec {
    boolean minus;
    boolean plus;
    boolean sharp;
    boolean space;
    boolean zero;
    int width = -1;
    int prec = -1;
  }

  /** Helper kept for tests: formats one float as Go's %v does. */
  static String goFloat(double d) {
    return GoFmt.formatOne(d, "float64", 'v', new Spec());
  }

  static BigDecimal exact(double d) { return new BigDecimal(d); }
}
