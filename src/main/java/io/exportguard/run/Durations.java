package io.exportguard.run;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code --timeout} values: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1h30m}, or ISO
 * {@code PT5M}, at most {@link #MAX} (beyond it deadlines in nanoseconds would overflow long before
 * any export could need it); and windows such as an audit's {@code --since 30d} ({@code d} for days),
 * at most {@link #MAX_WINDOW}.
 */
public final class Durations {
  /** The longest duration accepted: a week. */
  public static final Duration MAX = Duration.ofDays(7);
  /** The longest window looked back over: ten years. */
  public static final Duration MAX_WINDOW = Duration.ofDays(3660);
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private Durations() {}

  public static Duration parse(String flag, String text) throws BadInputException {
    return parse(flag, text, MAX);
  }

  /** A window to look back over ({@code 30d}, {@code 12h}), at most {@link #MAX_WINDOW}. */
  public static Duration parseWindow(String flag, String text) throws BadInputException {
    return parse(flag, text, MAX_WINDOW);
  }

  private static Duration parse(String flag, String text, Duration max) throws BadInputException {
    try {
      return parseUnbounded(flag, text, max);
    } catch (NumberFormatException | ArithmeticException tooLarge) {
      throw tooLong(flag, text, max);
    }
  }

  /** The shortest of {@code 30d}, {@code 12h}, {@code 90m}, {@code 45s}, {@code 500ms} that is exact. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 86_400_000 == 0) return ms / 86_400_000 + "d";
    if (ms % 3_600_000 == 0) return ms / 3_600_000 + "h";
    if (ms % 60_000 == 0) return ms / 60_000 + "m";
    if (ms % 1_000 == 0) return ms / 1_000 + "s";
    return ms + "ms";
  }

  private static Duration parseUnbounded(String flag, String text, Duration max) throws BadInputException {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("pt") || t.startsWith("p")) {
      try {
        return positive(flag, text, Duration.parse(t.toUpperCase(Locale.ROOT)), max);
      } catch (DateTimeParseException e) {
        throw bad(flag, text);
      }
    }
    Matcher m = PART.matcher(t);
    Duration d = Duration.ZERO;
    int at = 0;
    while (m.find()) {
      if (m.start() != at) throw bad(flag, text);
      long n = Long.parseLong(m.group(1));
      d = d.plus(switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "d" -> Duration.ofDays(n);
        default -> Duration.ofHours(n);
      });
      at = m.end();
    }
    if (at == 0 || at != t.length()) throw bad(flag, text);
    return positive(flag, text, d, max);
  }

  private static Duration positive(String flag, String text, Duration d, Duration max) throws BadInputException {
    if (d.isZero() || d.isNegative()) throw new BadInputException(flag + " " + text + ": must be more than zero");
    if (d.compareTo(max) > 0) throw tooLong(flag, text, max);
    return d;
  }

  private static BadInputException tooLong(String flag, String text, Duration max) {
    return new BadInputException(flag + " " + text + ": too long; at most " + (max.toHours() % 24 == 0
        ? max.toDays() + "d" : max.toHours() + "h"));
  }

  private static BadInputException bad(String flag, String text) {
    return new BadInputException(flag + " " + text + ": expected a duration like 30s, 5m, 1h, 1h30m or 30d");
  }
}
