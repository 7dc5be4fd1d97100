package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.b;
import static io.exportguard.rego.builtins.Args.def;
import static io.exportguard.rego.builtins.Args.n;
import static io.exportguard.rego.builtins.Args.str;

import io.exportguard.rego.value.StringValue;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** semver.compare and semver.is_valid per Semantic Versioning 2.0.0 (no "v" prefix). */
final class Semver {
  private Semver() {}

  private static final Pattern SEMVER = Pattern.compile(
      "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
          + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
          + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

  record Version(BigInteger major, BigInteger minor, BigInteger patch, List<String> pre) implements Comparable<Version> {
    @Override
    public int compareTo(Version o) {
      int c = major.compareTo(o.major);
      if (c == 0) c = minor.compareTo(o.minor);
      if (c == 0) c = patch.compareTo(o.patch);
      if (c != 0) return c;
      if (pre.isEmpty() || o.pre.isEmpty()) return Boolean.compare(pre.isEmpty(), o.pre.isEmpty());
      for (int i = 0; i < Math.min(pre.size(), o.pre.size()); i++) {
        String x = pre.get(i);
        String y = o.pre.get(i);
        boolean xn = x.chars().allMatch(Character::isDigit);
        boolean yn = y.chars().allMatch(Character::isDigit);
        if (xn && yn) c = new BigInteger(x).compareTo(new BigInteger(y));
        else if (xn != yn) c = xn ? -1 : 1;
        else c = x.compareTo(y);
        if (c != 0) return c;
      }
      return Integer.compare(pre.size(), o.pre.size());
    }
  }

  static Version parse(String s) {
    Matcher m = SEMVER.matcher(s);
    if (!m.matches()) return null;
    List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
    return new Version(new BigInteger(m.group(1)), new BigInteger(m.group(2)), new BigInteger(m.group(3)), pre);
  }

  static void register(BuiltinRegistry r) {
    def(r, "semver.is_valid", (ctx, a) -> b(a.get(0) instanceof StringValue s && parse(s.value()) != null));
    def(r, "semver.compare", (ctx, a) -> {
      String x = str(a, 1);
      String y = str(a, 2);
      Version vx = parse(x);
      if (vx == null) throw Args.fail("operand 1: string " + GoFmt.quoteString(x) + " is not a valid SemVer");
      Version vy = parse(y);
      if (vy == null) throw Args.fail("operand 2: string " + GoFmt.quoteString(y) + " is not a valid SemVer");
      return n(Integer.signum(vx.compareTo(vy)));
    });
  }
}
