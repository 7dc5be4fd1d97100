package io.exportguard.rego.builtins;

import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Go's reference-time layouts ({@code "2006-01-02T15:04:05Z07:00"}): split into chunks once, then used
 * to format and parse as Go's time package does, with Go's error texts.
 */
final class GoTimeLayout {

  enum Std {
    LONG_MONTH("January"), MONTH("Jan"), NUM_MONTH("1"), ZERO_MONTH("01"), LONG_WEEKDAY("Monday"),
    WEEKDAY("Mon"), DAY("2"), UNDER_DAY("_2"), ZERO_DAY("02"), UNDER_YEARDAY("__2"), ZERO_YEARDAY("002"),
    HOUR("15"), HOUR12("3"), ZERO_HOUR12("03"), MINUTE("4"), ZERO_MINUTE("04"), SECOND("5"),
    ZERO_SECOND("05"), LONG_YEAR("2006"), YEAR("06"), PM("PM"), LOWER_PM("pm"), TZ("MST"),
    ISO_TZ("Z0700"), ISO_SHORT_TZ("Z07"), ISO_COLON_TZ("Z07:00"), ISO_SECONDS_TZ("Z070000"),
    ISO_COLON_SECONDS_TZ("Z07:00:00"), NUM_TZ("-0700"), NUM_SHORT_TZ("-07"), NUM_COLON_TZ("-07:00"),
    NUM_SECONDS_TZ("-070000"), NUM_COLON_SECONDS_TZ("-07:00:00"), FRAC0(".0"), FRAC9(".9");

    final String text;

    Std(String text) { this.text = text; }
  }

  /** A literal run or a layout element (with the digit count and separator of fractional seconds). */
  record Chunk(String literal, Std std, int fracDigits, char fracSep, String source) {}

  final String layout;
  final List<Chunk> chunks;

  GoTimeLayout(String layout) {
    this.layout = layout;
    this.chunks = split(layout);
  }

  private static final Std[] PREFIX_ORDER = {
      Std.LONG_MONTH, Std.MONTH, Std.LONG_WEEKDAY, Std.WEEKDAY, Std.TZ, Std.ZERO_YEARDAY, Std.ZERO_MONTH,
      Std.ZERO_DAY, Std.ZERO_HOUR12, Std.ZERO_MINUTE, Std.ZERO_SECOND, Std.YEAR, Std.HOUR, Std.NUM_MONTH,
      Std.LONG_YEAR, Std.DAY, Std.UNDER_YEARDAY, Std.UNDER_DAY, Std.HOUR12, Std.MINUTE, Std.SECOND, Std.PM,
      Std.LOWER_PM, Std.NUM_COLON_SECONDS_TZ, Std.NUM_SECONDS_TZ, Std.NUM_COLON_TZ, Std.NUM_TZ,
      Std.NUM_SHORT_TZ, Std.ISO_COLON_SECONDS_TZ, Std.ISO_SECONDS_TZ, Std.ISO_COLON_TZ, Std.ISO_TZ,
      Std.ISO_SHORT_TZ};

  private static List<Chunk> split(String l) {
    List<Chunk> out = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    int i = 0;
    while (i < l.length()) {
      Std hit = null;
      char c = l.charAt(i);
      if ((c == '.' || c == ',') && i + 1 < l.length() && (l.charAt(i + 1) == '0' || l.charAt(i + 1) == '9')) {
        char d = l.charAt(i + 1);
        int j = i + 1;
        while (j < l.length() && l.charAt(j) == d) j++;
        if (!(j < l.length() && Character.isDigit(l.charAt(j)))) {
          flush(out, lit);
          out.add(new Chunk(null, d == '0' ? Std.FRAC0 : Std.FRAC9, j - i - 1, c, l.substring(i, j)));
          i = j;
          continue;
        }
      }
      for (Std s : PREFIX_ORDER) {
        if (!l.startsWith(s.text, i)) continue;
        // Go's special cases: "Jan"/"Mon" must not be followed by a lowercase letter; "2006" beats "2".
        if ((s == Std.MONTH || s == Std.WEEKDAY) && i + 3 < l.length() && Character.isLowerCase(l.charAt(i + 3))) continue;
        if (s == Std.UNDER_DAY && l.startsWith("_2006", i)) continue;
        hit = s;
        break;
      }
      if (hit == null) {
        lit.append(c);
        i++;
        continue;
      }
      flush(out, lit);
      out.add(new Chunk(null, hit, 0, '.', hit.text));
      i += hit.text.length();
    }
    flush(out, lit);
    return out;
  }

  private static void flush(List<Chunk> out, StringBuilder lit) {
    if (lit.length() > 0) {
      out.add(new Chunk(lit.toString(), null, 0, '.', lit.toString()));
      lit.setLength(0);
    }
  }

  // ---- formatting ----

  String format(ZonedDateTime t) {
    StringBuilder sb = new StringBuilder();
    for (Chunk c : chunks) {
      if (c.literal != null) {
        sb.append(c.literal);
        continue;
      }
      switch (c.std) {
        case LONG_MONTH -> sb.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        case MONTH -> sb.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        case NUM_MONTH -> sb.append(t.getMonthValue());
        case ZERO_MONTH -> pad(sb, t.getMonthValue(), 2, '0');
        case LONG_WEEKDAY -> sb.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        case WEEKDAY -> sb.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        case DAY -> sb.append(t.getDayOfMonth());
        case UNDER_DAY -> pad(sb, t.getDayOfMonth(), 2, ' ');
        case ZERO_DAY -> pad(sb, t.getDayOfMonth(), 2, '0');
        case UNDER_YEARDAY -> pad(sb, t.getDayOfYear(), 3, ' ');
        case ZERO_YEARDAY -> pad(sb, t.getDayOfYear(), 3, '0');
        case HOUR -> pad(sb, t.getHour(), 2, '0');
        case HOUR12 -> sb.append(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12);
        case ZERO_HOUR12 -> pad(sb, t.getHour() % 12 == 0 ? 12 : t.getHour() % 12, 2, '0');
        case MINUTE -> sb.append(t.getMinute());
        case ZERO_MINUTE -> pad(sb, t.getMinute(), 2, '0');
        case SECOND -> sb.append(t.getSecond());
        case ZERO_SECOND -> pad(sb, t.getSecond(), 2, '0');
        case LONG_YEAR -> {
          int y = t.getYear();
          if (y < 0) sb.append('-');
          pad(sb, Math.abs(y), 4, '0');
        }
        case YEAR -> pad(sb, Math.floorMod(t.getYear(), 100), 2, '0');
        case PM -> sb.append(t.getHour() >= 12 ? "PM" : "AM");
        case LOWER_PM -> sb.append(t.getHour() >= 12 ? "pm" : "am");
        case TZ -> sb.append(zoneAbbreviation(t));
        case FRAC0, FRAC9 -> frac(sb, t.getNano(), c);
        default -> zone(sb, t.getOffset().getTotalSeconds(), c.std);
      }
    }
    return sb.toString();
  }

  private static String zoneAbbreviation(ZonedDateTime t) {
    if (t.getZone().equals(ZoneOffset.UTC) || t.getZone().getId().equals("UTC") || t.getZone().getId().equals("Z")) {
      return "UTC";
    }
    String name = t.getZone().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    String shortName = java.time.format.DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(t);
    if (shortName.matches("[A-Z]{3,5}")) return shortName;
    if (name.matches("[A-Z]{3,5}")) return name;
    StringBuilder sb = new StringBuilder();
    zone(sb, t.getOffset().getTotalSeconds(), Std.NUM_TZ);
    return sb.toString();
  }

  private static void frac(StringBuilder sb, int nanos, Chunk c) {
    String digits = String.format("%09d", nanos);
    if (c.std == Std.FRAC0) {
      sb.append(c.fracSep).append(digits, 0, Math.min(9, c.fracDigits));
      for (int i = 9; i < c.fracDigits; i++) sb.append('0');
      return;
    }
    String d = digits.substring(0, Math.min(9, c.fracDigits));
    int end = d.length();
    while (end > 0 && d.charAt(end - 1) == '0') end--;
    if (end > 0) sb.append(c.fracSep).append(d, 0, end);
  }

  private static void zone(StringBuilder sb, int offset, Std std) {
    boolean iso = std.name().startsWith("ISO");
    if (iso && offset == 0) {
      sb.append('Z');
      return;
    }
    int zone = offset / 60;
    int absOffset = Math.abs(offset);
    sb.append(zone < 0 ? '-' : '+');
    zone = Math.abs(zone);
    pad(sb, zone / 60, 2, '0');
    boolean colon = std == Std.ISO_COLON_TZ || std == Std.NUM_COLON_TZ || std == Std.ISO_COLON_SECONDS_TZ
        || std == Std.NUM_COLON_SECONDS_TZ;
    if (std != Std.ISO_SHORT_TZ && std != Std.NUM_SHORT_TZ) {
      if (colon) sb.append(':');
      pad(sb, zone % 60, 2, '0');
    }
    if (std == Std.ISO_SECONDS_TZ || std == Std.NUM_SECONDS_TZ || std == Std.ISO_COLON_SECONDS_TZ
        || std == Std.NUM_COLON_SECONDS_TZ) {
      if (colon) sb.append(':');
      pad(sb, absOffset % 60, 2, '0');
    }
  }

  private static void pad(StringBuilder sb, int v, int width, char fill) {
    String s = Integer.toString(v);
    for (int i = s.length(); i < width; i++) sb.append(fill);
    sb.append(s);
  }

  static String weekdayName(DayOfWeek d) { return d.getDisplayName(TextStyle.FULL, Locale.ENGLISH); }
}
