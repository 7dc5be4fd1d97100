package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.def;
import static io.exportguard.rego.builtins.Args.n;
import static io.exportguard.rego.builtins.Args.s;
import static io.exportguard.rego.builtins.Args.str;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * time.*: instants are int64 nanoseconds since the epoch, time zones IANA names ("" and "UTC" mean UTC,
 * "Local" the JVM's zone), layouts Go reference layouts or the names of Go's layout constants.
 * time.now_ns reads the query's clock, so it is the same for the whole query.
 */
final class Time {
  private Time() {}

  private static final BigInteger NANOS = BigInteger.valueOf(1_000_000_000L);
  private static final BigInteger MIN_NS = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX_NS = BigInteger.valueOf(Long.MAX_VALUE);

  static final Map<String, String> LAYOUTS = Map.ofEntries(
      Map.entry("ANSIC", "Mon Jan _2 15:04:05 2006"),
      Map.entry("UnixDate", "Mon Jan _2 15:04:05 MST 2006"),
      Map.entry("RubyDate", "Mon Jan 02 15:04:05 -0700 2006"),
      Map.entry("RFC822", "02 Jan 06 15:04 MST"),
      Map.entry("RFC822Z", "02 Jan 06 15:04 -0700"),
      Map.entry("RFC850", "Monday, 02-Jan-06 15:04:05 MST"),
      Map.entry("RFC1123", "Mon, 02 Jan 2006 15:04:05 MST"),
      Map.entry("RFC1123Z", "Mon, 02 Jan 2006 15:04:05 -0700"),
      Map.entry("RFC3339", "2006-01-02T15:04:05Z07:00"),
      Map.entry("RFC3339Nano", "2006-01-02T15:04:05.999999999Z07:00"));

  private record LayoutKey(String layout) {}

  static GoTimeLayout layout(BuiltinContext ctx, String text) {
    return ctx.policyCached(new LayoutKey(text), k -> new GoTimeLayout(text));
  }

  static void register(BuiltinRegistry r) {
    def(r, "time.now_ns", (ctx, a) -> NumberValue.of(toNanos(ctx.now().getEpochSecond(), ctx.now().getNano())));
    def(r, "time.parse_ns", (ctx, a) -> {
      String layout = str(a, 1);
      String value = str(a, 2);
      long[] t = GoTimeParser.parse(layout(ctx, LAYOUTS.getOrDefault(layout, layout)), value);
      return safeNanos(t[0], t[1]);
    });
    def(r, "time.parse_rfc3339_ns", (ctx, a) -> {
      long[] t = GoTimeParser.parse(layout(ctx, LAYOUTS.get("RFC3339")), str(a, 1));
      return safeNanos(t[0], t[1]);
    });
    def(r, "time.parse_duration_ns", (ctx, a) -> NumberValue.of(GoDuration.parse(str(a, 1))));
    def(r, "time.format", (ctx, a) -> {
      Zoned t = zoned(a.get(0));
      String layout = t.layout == null || t.layout.isEmpty() ? LAYOUTS.get("RFC3339Nano") : LAYOUTS.getOrDefault(t.layout, t.layout);
      return s(layout(ctx, layout).format(t.time));
    });
    def(r, "time.date", (ctx, a) -> {
      ZonedDateTime t = zoned(a.get(0)).time;
      return ArrayValue.of(n(t.getYear()), n(t.getMonthValue()), n(t.getDayOfMonth()));
    });
    def(r, "time.clock", (ctx, a) -> {
      ZonedDateTime t = zoned(a.get(0)).time;
      return ArrayValue.of(n(t.getHour()), n(t.getMinute()), n(t.getSecond()));
    });
    def(r, "time.weekday", (ctx, a) -> s(GoTimeLayout.weekdayName(zoned(a.get(0)).time.getDayOfWeek())));
    def(r, "time.add_date", (ctx, a) -> {
      ZonedDateTime t = zoned(a.get(0)).time;
      int years = Args.integer(a, 2);
      int months = Args.integer(a, 3);
      int days = Args.integer(a, 4);
      // Go's AddDate normalizes overflowing days (Jan 31 + 1 month = Mar 3), unlike java.time's clamping.
      long totalMonths = (long) t.getMonthValue() - 1 + months;
      long year = (long) t.getYear() + years + Math.floorDiv(totalMonths, 12);
      int month = (int) Math.floorMod(totalMonths, 12) + 1;
      try {
        LocalDate date = LocalDate.of((int) year, month, 1).plusDays((long) t.getDayOfMonth() - 1 + days);
        ZonedDateTime out = ZonedDateTime.ofLocal(date.atTime(t.toLocalTime()), t.getZone(), t.getOffset());
        return safeNanos(out.toEpochSecond(), out.getNano());
      } catch (DateTimeException | ArithmeticException e) {
        throw Args.fail("time outside of valid range");
      }
    });
    def(r, "time.diff", (ctx, a) -> {
      ZonedDateTime t1 = zoned(a.get(0)).time;
      ZonedDateTime t2 = zoned(a.get(1)).time.withZoneSameInstant(t1.getZone());
      if (t1.isAfter(t2)) {
        ZonedDateTime x = t1;
        t1 = t2;
        t2 = x;
      }
      int year = t2.getYear() - t1.getYear();
      int month = t2.getMonthValue() - t1.getMonthValue();
      int day = t2.getDayOfMonth() - t1.getDayOfMonth();
      int hour = t2.getHour() - t1.getHour();
      int min = t2.getMinute() - t1.getMinute();
      int sec = t2.getSecond() - t1.getSecond();
      if (sec < 0) { sec += 60; min--; }
      if (min < 0) { min += 60; hour--; }
      if (hour < 0) { hour += 24; day--; }
      if (day < 0) {
        // Borrow the length of t1's month.
        day += java.time.YearMonth.of(t1.getYear(), t1.getMonthValue()).lengthOfMonth();
        month--;
      }
      if (month < 0) { month += 12; year--; }
      return ArrayValue.of(n(year), n(month), n(day), n(hour), n(min), n(sec));
    });
  }

  private record Zoned(ZonedDateTime time, String layout) {}

  private static Zoned zoned(Value v) {
    Value nv;
    ZoneId zone = ZoneOffset.UTC;
    String layout = null;
    if (v instanceof ArrayValue arr) {
      if (arr.size() == 0) throw Args.typeError(1, v, "either number (ns) or [number (ns), string (tz)]");
      nv = arr.get(0);
      if (!(nv instanceof NumberValue)) throw Args.typeError(1, nv, "number");
      if (arr.size() > 1) {
        if (!(arr.get(1) instanceof StringValue tz)) throw Args.typeError(1, arr.get(1), "string");
        zone = zone(tz.value());
      }
      if (arr.size() > 2) {
        if (!(arr.get(2) instanceof StringValue l)) throw Args.typeError(1, arr.get(2), "string");
        layout = l.value();
      }
    } else if (v instanceof NumberValue) {
      nv = v;
    } else {
      throw Args.typeError(1, v, "either number (ns) or [number (ns), string (tz)]");
    }
    BigDecimal d = ((NumberValue) nv).value();
    BigInteger ns;
    try {
      if (Args.integerDigits(d) > 40) throw Args.fail("timestamp too big");
      // A fraction of a nanosecond (1e-999999) fails here without dividing by 10^scale.
      if (d.signum() != 0 && Args.integerDigits(d) <= 0) throw Args.fail("timestamp too big");
      ns = d.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw Args.fail("timestamp too big");
    }
    if (ns.compareTo(MIN_NS) < 0 || ns.compareTo(MAX_NS) > 0) throw Args.fail("timestamp too big");
    BigInteger[] qr = ns.divideAndRemainder(NANOS);
    long secs = qr[0].longValue();
    long nanos = qr[1].longValue();
    if (nanos < 0) {
      secs -= 1;
      nanos += 1_000_000_000L;
    }
    return new Zoned(Instant.ofEpochSecond(secs, nanos).atZone(zone), layout);
  }

  static ZoneId zone(String name) {
    switch (name) {
      case "", "UTC": return ZoneOffset.UTC;
      case "Local": return ZoneId.systemDefault();
      default:
        try {
          return ZoneId.of(name);
        } catch (DateTimeException e) {
          throw Args.fail("unknown time zone " + name);
        }
    }
  }

  static BigInteger toNanos(long epochSecond, long nano) {
    return BigInteger.valueOf(epochSecond).multiply(NANOS).add(BigInteger.valueOf(nano));
  }

  private static Value safeNanos(long epochSecond, long nano) {
    BigInteger ns = toNanos(epochSecond, nano);
    if (ns.compareTo(MIN_NS) < 0 || ns.compareTo(MAX_NS) > 0) throw Args.fail("time outside of valid range");
    return NumberValue.of(ns);
  }

}
