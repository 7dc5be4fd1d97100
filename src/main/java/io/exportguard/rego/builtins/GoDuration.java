package io.exportguard.rego.builtins;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;

/** Go's time.ParseDuration: "1h2m3.5s", "-300ms", "2us"; the result in nanoseconds (int64 range). */
final class GoDuration {
  private GoDuration() {}

  private static final Map<String, Long> UNITS = Map.of(
      "ns", 1L, "us", 1_000L, "\u00b5s", 1_000L, "\u03bcs", 1_000L, "ms", 1_000_000L,
      "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

  static BigInteger parse(String orig) {
    String s = orig;
    boolean neg = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) return BigInteger.ZERO;
    if (s.isEmpty()) throw invalid(orig);
    BigDecimal total = BigDecimal.ZERO;
    while (!s.isEmpty()) {
      int i = 0;
      while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
      String whole = s.substring(0, i);
      String frac = "";
      if (i < s.length() && s.charAt(i) == '.') {
        int j = i + 1;
        while (j < s.length() && Character.isDigit(s.charAt(j))) j++;
        frac = s.substring(i + 1, j);
        i = j;
      }
      if (whole.isEmpty() && frac.isEmpty()) throw invalid(orig);
      int u = i;
      while (u < s.length() && s.charAt(u) != '.' && !Character.isDigit(s.charAt(u))) u++;
      String unit = s.substring(i, u);
      if (unit.isEmpty()) throw Args.fail("time: missing unit in duration " + GoFmt.quoteString(orig));
      Long scale = UNITS.get(unit);
      if (scale == null) {
        throw Args.fail("time: unknown unit " + GoFmt.quoteString(unit) + " in duration " + GoFmt.quoteString(orig));
      }
      BigDecimal n = new BigDecimal((whole.isEmpty() ? "0" : whole) + (frac.isEmpty() ? "" : "." + frac));
      total = total.add(n.multiply(BigDecimal.valueOf(scale)));
      s = s.substring(u);
    }
    if (total.signum() != 0 && total.precision() - total.scale() > 30) throw invalid(orig);
    BigInteger ns = total.setScale(0, RoundingMode.DOWN).toBigInteger();
    if (neg) ns = ns.negate();
    if (ns.bitLength() > 63) throw invalid(orig);
    return ns;
  }

  private static BuiltinException invalid(String orig) {
    return Args.fail("time: invalid duration " + GoFmt.quoteString(orig));
  }
}
