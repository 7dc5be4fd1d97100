package io.exportguard.rego.builtins;

import io.exportguard.rego.builtins.GoTimeLayout.Chunk;
import io.exportguard.rego.builtins.GoTimeLayout.Std;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Go's time.Parse for a layout: the parsed instant as nanoseconds since the epoch (BigInteger-safe). */
final class GoTimeParser {
  private static final String[] LONG_MONTHS = {"January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December"};
  private static final String[] LONG_DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
      "Saturday"};

  private final GoTimeLayout layout;
  private final String input;
  private String value;

  private GoTimeParser(GoTimeLayout layout, String input) {
    this.layout = layout;
    this.input = input;
    this.value = input;
  }

  /** Parses; returns {epochSecond, nano}. Throws a builtin error with Go's message. */
  static long[] parse(GoTimeLayout layout, String input) {
    return new GoTimeParser(layout, input).run();
  }

  private BuiltinException err(String valueElem, String layoutElem) {
    return Args.fail("parsing time " + GoFmt.quoteString(input) + " as " + GoFmt.quoteString(layout.layout)
        + ": cannot parse " + GoFmt.quoteString(valueElem) + " as " + GoFmt.quoteString(layoutElem));
  }

  private BuiltinException rangeErr(String what) {
    return Args.fail("parsing time " + GoFmt.quoteString(input) + ": " + what + " out of range");
  }

  private long[] run() {
    int year = 0;
    int month = -1;
    int day = -1;
    int yday = -1;
    int hour = 0;
    int min = 0;
    int sec = 0;
    long nsec = 0;
    boolean pm = false;
    boolean am = false;
    Integer offset = null;
    List<Chunk> chunks = layout.chunks;
    for (int ci = 0; ci < chunks.size(); ci++) {
      Chunk c = chunks.get(ci);
      if (c.literal() != null) {
        value = skip(value, c.literal(), c.literal());
        continue;
      }
      String hold = value;
      Std std = c.std();
      switch (std) {
        case YEAR -> {
          if (value.length() < 2) throw err(hold, std.text);
          int y = digits(2, std);
          year = y >= 69 ? 1900 + y : 2000 + y;
        }
        case LONG_YEAR -> {
          if (value.length() < 4 || !Character.isDigit(value.charAt(0))) throw err(hold, std.text);
          year = digits(4, std);
        }
        case MONTH, LONG_MONTH -> month = lookup(LONG_MONTHS, std == Std.MONTH, std) + 1;
        case NUM_MONTH, ZERO_MONTH -> {
          month = getnum(std == Std.ZERO_MONTH, std);
          if (month <= 0 || month > 12) throw rangeErr("month");
        }
        case WEEKDAY, LONG_WEEKDAY -> lookup(LONG_DAYS, std == Std.WEEKDAY, std);
        case DAY, UNDER_DAY, ZERO_DAY -> {
          if (std == Std.UNDER_DAY && !value.isEmpty() && value.charAt(0) == ' ') value = value.substring(1);
          day = getnum(std == Std.ZERO_DAY, std);
        }
        case UNDER_YEARDAY, ZERO_YEARDAY -> {
          for (int i = 0; i < 2 && std == Std.UNDER_YEARDAY && !value.isEmpty() && value.charAt(0) == ' '; i++) {
            value = value.substring(1);
          }
          yday = getnum3(std == Std.ZERO_YEARDAY, std);
          if (yday < 1 || yday > 366) throw rangeErr("day-of-year");
        }
        case HOUR -> {
          hour = getnum(false, std);
          if (hour > 23) throw rangeErr("hour");
        }
        case HOUR12, ZERO_HOUR12 -> {
          hour = getnum(std == Std.ZERO_HOUR12, std);
          if (hour > 12) throw rangeErr("hour");
        }
        case MINUTE, ZERO_MINUTE -> {
          min = getnum(std == Std.ZERO_MINUTE, std);
          if (min > 59) throw rangeErr("minute");
        }
        case SECOND, ZERO_SECOND -> {
          sec = getnum(std == Std.ZERO_SECOND, std);
          if (sec > 59) throw rangeErr("second");
          // A fractional second may follow even when the layout has none.
          if (value.length() >= 2 && (value.charAt(0) == '.' || value.charAt(0) == ',')
              && Character.isDigit(value.charAt(1))) {
            Chunk next = ci + 1 < chunks.size() ? chunks.get(ci + 1) : null;
            if (next != null && (next.std() == Std.FRAC0 || next.std() == Std.FRAC9)) break;
            int n = 2;
            while (n < value.length() && Character.isDigit(value.charAt(n))) n++;
            nsec = nanos(value.substring(1, n));
            value = value.substring(n);
          }
        }
        case PM, LOWER_PM -> {
          if (value.length() < 2) throw err(hold, std.text);
          String p = value.substring(0, 2);
          if (p.equals(std == Std.PM ? "PM" : "pm")) pm = true;
          else if (p.equals(std == Std.PM ? "AM" : "am")) am = true;
          else throw err(hold, std.text);
          value = value.substring(2);
        }
        case TZ -> {
          if (value.length() >= 3 && value.startsWith("UTC")) {
            value = value.substring(3);
            offset = 0;
            break;
          }
          int n = 0;
          while (n < value.length() && Character.isUpperCase(value.charAt(n))) n++;
          if (n < 3 || n > 5) throw err(hold, std.text);
          value = value.substring(n);
          offset = offset == null ? 0 : offset;
        }
        case FRAC0 -> {
          int ndigit = 1 + c.fracDigits();
          if (value.length() < ndigit || value.charAt(0) != c.fracSep() && value.charAt(0) != '.' && value.charAt(0) != ',') {
            throw err(hold, c.source());
          }
          for (int i = 1; i < ndigit; i++) if (!Character.isDigit(value.charAt(i))) throw err(hold, c.source());
          nsec = nanos(value.substring(1, ndigit));
          value = value.substring(ndigit);
        }
        case FRAC9 -> {
          if (value.length() < 2 || (value.charAt(0) != '.' && value.charAt(0) != ',') || !Character.isDigit(value.charAt(1))) {
            break;
          }
          int i = 1;
          while (i < 10 && i < value.length() && Character.isDigit(value.charAt(i))) i++;
          nsec = nanos(value.substring(1, i));
          value = value.substring(i);
        }
        default -> offset = zone(std, hold);
      }
    }
    if (!value.isEmpty()) {
      throw Args.fail("parsing time " + GoFmt.quoteString(input) + ": extra text: " + GoFmt.quoteString(value));
    }
    if (pm && hour < 12) hour += 12;
    else if (am && hour == 12) hour = 0;
    if (yday >= 0) {
      java.time.LocalDate d = java.time.LocalDate.ofYearDay(year, Math.min(yday, java.time.Year.isLeap(year) ? 366 : 365));
      if (yday > d.lengthOfYear()) throw rangeErr("day-of-year");
      if (month >= 0 && month != d.getMonthValue() || day >= 0 && day != d.getDayOfMonth()) throw rangeErr("day-of-year");
      month = d.getMonthValue();
      day = d.getDayOfMonth();
    }
    if (month < 0) month = 1;
    if (day < 0) day = 1;
    if (day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) throw rangeErr("day");
    try {
      LocalDateTime ldt = LocalDateTime.of(year, month, day, hour, min, sec);
      long epoch = ldt.toEpochSecond(ZoneOffset.UTC) - (offset == null ? 0 : offset);
      return new long[] {epoch, nsec};
    } catch (DateTimeException e) {
      throw Args.fail("parsing time " + GoFmt.quoteString(input) + ": " + e.getMessage());
    }
  }

  private static long nanos(String digits) {
    String d = digits.length() > 9 ? digits.substring(0, 9) : digits;
    StringBuilder sb = new StringBuilder(d);
    while (sb.length() < 9) sb.append('0');
    return Long.parseLong(sb.toString());
  }

  private int digits(int n, Std std) {
    for (int i = 0; i < n; i++) {
      if (i >= value.length() || !Character.isDigit(value.charAt(i))) throw err(value, std.text);
    }
    int v = Integer.parseInt(value.substring(0, n));
    value = value.substring(n);
    return v;
  }

  /** One or two digits; exactly two when fixed. */
  private int getnum(boolean fixed, Std std) {
    if (value.isEmpty() || !Character.isDigit(value.charAt(0))) throw err(value, std.text);
    if (value.length() < 2 || !Character.isDigit(value.charAt(1))) {
      if (fixed) throw err(value, std.text);
      int v = value.charAt(0) - '0';
      value = value.substring(1);
      return v;
    }
    int v = (value.charAt(0) - '0') * 10 + (value.charAt(1) - '0');
    value = value.substring(2);
    return v;
  }

  private int getnum3(boolean fixed, Std std) {
    int n = 0;
    int i = 0;
    while (i < 3 && i < value.length() && Character.isDigit(value.charAt(i))) n = n * 10 + (value.charAt(i++) - '0');
    if (i == 0 || (fixed && i != 3)) throw err(value, std.text);
    value = value.substring(i);
    return n;
  }

  private int lookup(String[] names, boolean abbreviated, Std std) {
    for (int i = 0; i < names.length; i++) {
      String n = abbreviated ? names[i].substring(0, 3) : names[i];
      if (value.length() >= n.length() && value.substring(0, n.length()).equalsIgnoreCase(n)) {
        value = value.substring(n.length());
        return i;
      }
    }
    throw err(value, std.text);
  }

  private Integer zone(Std std, String hold) {
    boolean iso = std.name().startsWith("ISO");
    if (iso && !value.isEmpty() && value.charAt(0) == 'Z') {
      value = value.substring(1);
      return 0;
    }
    String v = value;
    int len;
    boolean colon = std == Std.ISO_COLON_TZ || std == Std.NUM_COLON_TZ || std == Std.ISO_COLON_SECONDS_TZ
        || std == Std.NUM_COLON_SECONDS_TZ;
    boolean seconds = std.name().contains("SECONDS");
    boolean shortTz = std == Std.ISO_SHORT_TZ || std == Std.NUM_SHORT_TZ;
    if (shortTz) len = 3;
    else if (colon) len = seconds ? 9 : 6;
    else len = seconds ? 7 : 5;
    if (v.length() < len) throw err(hold, std.text);
    char sign = v.charAt(0);
    if (sign != '+' && sign != '-') throw err(hold, std.text);
    String hh = v.substring(1, 3);
    String mm = "00";
    String ss = "00";
    if (!shortTz) {
      if (colon && v.charAt(3) != ':') throw err(hold, std.text);
      mm = colon ? v.substring(4, 6) : v.substring(3, 5);
      if (seconds) {
        if (colon && v.charAt(6) != ':') throw err(hold, std.text);
        ss = colon ? v.substring(7, 9) : v.substring(5, 7);
      }
    }
    if (!(hh + mm + ss).chars().allMatch(Character::isDigit)) throw err(hold, std.text);
    int h = Integer.parseInt(hh);
    int m = Integer.parseInt(mm);
    int s = Integer.parseInt(ss);
    if (h > 24 || m > 60 || s > 60) throw rangeErr("time zone offset");
    value = v.substring(len);
    int off = h * 3600 + m * 60 + s;
    return sign == '-' ? -off : off;
  }

  /** Go's skip: literal text must match, with runs of spaces treated as equivalent. */
  private String skip(String v, String prefix, String layoutElem) {
    String p = prefix;
    String val = v;
    while (!p.isEmpty()) {
      if (p.charAt(0) == ' ') {
        if (!val.isEmpty() && val.charAt(0) != ' ') throw err(v, layoutElem);
        p = p.stripLeading().isEmpty() ? "" : p.substring(countSpaces(p));
        val = val.substring(countSpaces(val));
        continue;
      }
      if (val.isEmpty() || val.charAt(0) != p.charAt(0)) throw err(v, layoutElem);
      p = p.substring(1);
      val = val.substring(1);
    }
    return val;
  }

  private static int countSpaces(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == ' ') i++;
    return i;
  }
}
