package io.exportguard.run;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Every clock reading of a run. {@code EXPORTGUARD_FIXED_TIME=2026-01-01T00:00:00Z} (or the system
 * property {@code exportguard.fixedTime}, for in-process tests) pins them all: file names,
 * timestamps, and durations, which are then 0.
 */
public final class RunClock {
  public static final String ENV = "EXPORTGUARD_FIXED_TIME";
  public static final String PROPERTY = "exportguard.fixedTime";

  private final Instant fixed;
  private final long startNanos = System.nanoTime();
  private final Instant start;

  private RunClock(Instant fixed) {
    this.fixed = fixed;
    this.start = fixed != null ? fixed : Instant.now();
  }

  public static RunClock system() { return new RunClock(null); }

  public static RunClock fixed(Instant at) { return new RunClock(at); }

  /** From the environment; throws BadInputException when the variable is set but not an instant. */
  public static RunClock fromEnvironment() throws BadInputException {
    String v = System.getProperty(PROPERTY);
    String source = "-D" + PROPERTY;
    if (v == null || v.isBlank()) {
      v = System.getenv(ENV);
      source = ENV;
    }
    if (v == null || v.isBlank()) return system();
    try {
      return fixed(Instant.parse(v.trim()));
    } catch (DateTimeParseException e) {
      throw new BadInputException(source + "=" + v + " is not an instant like 2026-01-01T00:00:00Z");
    }
  }

  public boolean isFixed() { return fixed != null; }

  /** When the run started. */
  public Instant startedAt() { return start; }

  /** Now, or the pinned instant. */
  public Instant now() { return fixed != null ? fixed : Instant.now(); }

  /** Milliseconds since the start; 0 when pinned. */
  public long elapsedMillis() { return fixed != null ? 0 : (System.nanoTime() - startNanos) / 1_000_000; }
}
