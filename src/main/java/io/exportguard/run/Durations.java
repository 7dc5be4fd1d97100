package io.exportguard.run;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code --timeout} values: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1h30m}, or ISO
 * {@code PT5M}, at most {@link #MAX} (beyond it deadlines in nanoseconds would overflow long before
 * any export could need it).
 */
public final class Durations {
  /** The longest duration accepted: a week. */
  public static final Duration MAX = Duration.ofDays(7);
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

  private Durations() {}

  public static Duration parse(String flag, String text) throws BadInputException {
    try {
      return parseUnbounded(flag, text);
    } catch (NumberFormatException | ArithmeticException tooLarge) {
      throw tooLong(flag, text);
    }
  }

  private static Duration parseUnbounded(String flag, String text) throws BadInputException {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("pt") || t.startsWith("p")) {
      try {
        return positive(flag, text, Duration.parse(t.toUpperCase(Locale.ROOT)));
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
        default -> Duration.ofHours(n);
      });
      at = m.end();
    }
    if (at == 0 || at != t.length()) throw bad(flag, text);
    return positive(flag, text, d);
  }

  private static Duration positive(String flag, String text, Duration d) throws BadInputException {
    if (d.isZero() || d.isNegative()) throw new BadInputException(flag + " " + text + ": must be more than zero");
    if (d.compareTo(MAX) > 0) throw tooLong(flag, text);
    return d;
  }

  private static BadInputException tooLong(String flag, String text) {
    return new BadInputException(flag + " " + text + ": too long; at most " + MAX.toHours() + "h");
  }

  private static BadInputException bad(String flag, String text) {
    return new BadInputException(flag + " " + text + ": expected a duration like 30s, 5m, 1h or 1h30m");
  }
}
