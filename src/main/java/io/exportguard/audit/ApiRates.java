package io.exportguard.audit;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How fast an audit may call each API, from {@code --api-rate}: a number of calls per second for
 * every API, then optional {@code api=rate} overrides ({@code 20,ecs:DescribeSnapshots=50,ram:*=10};
 * {@code product:*} covers a product). The default, {@value #DEFAULT} a second per API, is a
 * conservative one: ECS documents its thresholds per API and region only in each account's Quota
 * Center, and pacing each API at this rate over all regions together stays below them; a throttled
 * API slows down on its own (see {@link ApiPacer}).
 */
public final class ApiRates {
  public static final double DEFAULT = 20;
  private static final Pattern API = Pattern.compile("(ecs|ram|oss|sts):([A-Za-z0-9]+|\\*)");

  private final double base;
  private final Map<String, Double> overrides;

  private ApiRates(double base, Map<String, Double> overrides) {
    this.base = base;
    this.overrides = Map.copyOf(overrides);
  }

  public static ApiRates uniform(double perSecond) {
    return new ApiRates(perSecond, Map.of());
  }

  /** Parses {@code --api-rate}; a problem is an {@link IllegalArgumentException} naming the part. */
  public static ApiRates parse(String spec) {
    if (spec == null || spec.isBlank()) return uniform(DEFAULT);
    double base = DEFAULT;
    Map<String, Double> overrides = new LinkedHashMap<>();
    for (String part : spec.split(",", -1)) {
      String p = part.strip();
      int eq = p.indexOf('=');
      if (eq < 0) {
        base = rate(p, p);
        continue;
      }
      String api = p.substring(0, eq).strip();
      if (!API.matcher(api).matches()) {
        throw new IllegalArgumentException("'" + api + "' is not an API like ecs:DescribeSnapshots or ram:*");
      }
      overrides.put(api.toLowerCase(Locale.ROOT), rate(p.substring(eq + 1).strip(), p));
    }
    return new ApiRates(base, overrides);
  }

  private static double rate(String text, String part) {
    try {
      double r = Double.parseDouble(text);
      if (r > 0 && r <= 100_000 && Double.isFinite(r)) return r;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("'" + part + "' is not a rate: give calls per second, more than 0");
  }

  /** The rate of one API ({@code ecs:DescribeImages}): its own override, its product's, or the base. */
  public double rate(String api) {
    String key = api.toLowerCase(Locale.ROOT);
    Double own = overrides.get(key);
    if (own != null) return own;
    int colon = key.indexOf(':');
    Double product = colon < 0 ? null : overrides.get(key.substring(0, colon) + ":*");
    return product != null ? product : base;
  }
}
