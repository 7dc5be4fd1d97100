package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.def;
import static io.exportguard.rego.builtins.Args.str;

import io.exportguard.rego.value.NumberValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;

/** units.parse (SI and binary suffixes, "m" is milli) and units.parse_bytes (case-insensitive, truncated). */
final class Units {
  private Units() {}

  private static final BigDecimal K = BigDecimal.valueOf(1000);
  private static final BigDecimal KI = BigDecimal.valueOf(1024);

  private static final Map<String, BigDecimal> UNITS = Map.ofEntries(
      Map.entry("", BigDecimal.ONE), Map.entry("m", new BigDecimal("0.001")),
      Map.entry("k", K), Map.entry("K", K), Map.entry("ki", KI), Map.entry("Ki", KI),
      Map.entry("M", K.pow(2)), Map.entry("mi", KI.pow(2)), Map.entry("Mi", KI.pow(2)),
      Map.entry("g", K.pow(3)), Map.entry("G", K.pow(3)), Map.entry("gi", KI.pow(3)), Map.entry("Gi", KI.pow(3)),
      Map.entry("t", K.pow(4)), Map.entry("T", K.pow(4)), Map.entry("ti", KI.pow(4)), Map.entry("Ti", KI.pow(4)),
      Map.entry("p", K.pow(5)), Map.entry("P", K.pow(5)), Map.entry("pi", KI.pow(5)), Map.entry("Pi", KI.pow(5)),
      Map.entry("e", K.pow(6)), Map.entry("E", K.pow(6)), Map.entry("ei", KI.pow(6)), Map.entry("Ei", KI.pow(6)));

  private static final Map<String, BigDecimal> BYTE_UNITS = Map.ofEntries(
      Map.entry("", BigDecimal.ONE),
      Map.entry("kb", K), Map.entry("k", K), Map.entry("kib", KI), Map.entry("ki", KI),
      Map.entry("mb", K.pow(2)), Map.entry("m", K.pow(2)), Map.entry("mib", KI.pow(2)), Map.entry("mi", KI.pow(2)),
      Map.entry("gb", K.pow(3)), Map.entry("g", K.pow(3)), Map.entry("gib", KI.pow(3)), Map.entry("gi", KI.pow(3)),
      Map.entry("tb", K.pow(4)), Map.entry("t", K.pow(4)), Map.entry("tib", KI.pow(4)), Map.entry("ti", KI.pow(4)),
      Map.entry("pb", K.pow(5)), Map.entry("p", K.pow(5)), Map.entry("pib", KI.pow(5)), Map.entry("pi", KI.pow(5)),
      Map.entry("eb", K.pow(6)), Map.entry("e", K.pow(6)), Map.entry("eib", KI.pow(6)), Map.entry("ei", KI.pow(6)));

  static void register(BuiltinRegistry r) {
    def(r, "units.parse", (ctx, a) -> {
      String s = str(a, 1).replace("\"", "");
      if (s.contains(" ")) throw Args.fail("spaces not allowed in resource strings");
      String[] nu = split(s);
      if (nu[0].isEmpty()) throw Args.fail("no amount provided");
      String unit = nu[1].length() > 1 ? nu[1].charAt(0) + nu[1].substring(1).toLowerCase() : nu[1];
      BigDecimal scale = UNITS.get(unit);
      if (scale == null) throw Args.fail("unit " + unit + " not recognized");
      BigDecimal v = number(nu[0], "could not parse amount to a number").multiply(scale);
      if (Args.integerDigits(v) > Args.MAX_INTEGER_DIGITS) throw Args.fail("exponent too large");
      // Below 1e-11 the amount rounds to 0 at 10 places; setScale would divide by 10^scale first.
      if (v.signum() == 0 || Args.integerDigits(v) < -10) return NumberValue.ZERO;
      if (NumberValue.stripZeros(v).scale() <= 0) return NumberValue.of(v.setScale(0, RoundingMode.UNNECESSARY));
      return NumberValue.of(v.setScale(10, RoundingMode.HALF_UP));
    });
    def(r, "units.parse_bytes", (ctx, a) -> {
      String s = str(a, 1).toLowerCase().replace("\"", "");
      if (s.contains(" ")) throw Args.fail("spaces not allowed in resource strings");
      String[] nu = split(s);
      if (nu[0].isEmpty()) throw Args.fail("no byte amount provided");
      BigDecimal scale = BYTE_UNITS.get(nu[1]);
      if (scale == null) throw Args.fail("byte unit " + nu[1] + " not recognized");
      BigDecimal v = number(nu[0], "could not parse byte amount to a number").multiply(scale);
      if (Args.integerDigits(v) > Args.MAX_INTEGER_DIGITS) throw Args.fail("exponent too large");
      BigInteger total = Args.toBigInteger(v);
      return NumberValue.of(total);
    });
  }

  private static BigDecimal number(String s, String error) {
    if (!s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) throw Args.fail(error);
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw Args.fail(error);
    }
  }

  /** Splits into the numeric prefix (digits, '.', signs and a valid exponent) and the unit. */
  private static String[] split(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean num = Character.isDigit(c) || c == '.' || c == '+' || c == '-';
      if (c == 'e' || c == 'E') {
        boolean exp = i + 1 < s.length() && (Character.isDigit(s.charAt(i + 1)) || s.charAt(i + 1) == '+' || s.charAt(i + 1) == '-');
        if (!exp) return new String[] {s.substring(0, i), s.substring(i)};
        if (s.charAt(i + 1) == '+' || s.charAt(i + 1) == '-') i++;
        int start = i + 1;
        int end = start;
        while (end < s.length() && Character.isDigit(s.charAt(end))) end++;
        if (end - start > 6) throw Args.fail("exponent too large");
        continue;
      }
      if (!num) return new String[] {s.substring(0, i), s.substring(i)};
    }
    return new String[] {s, ""};
  }
}
