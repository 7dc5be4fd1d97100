package io.exportguard.sandbox.rpc;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The time formats the APIs use. */
final class Times {
  /** Fixed creation time of scenario resources, so responses are stable across runs. */
  static final String RESOURCE_CREATED = "2024-01-01T00:00:00Z";
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);

  private Times() {}

  /** Task times have minute precision: {@code 2015-11-23T02:13Z}. */
  static String minutes(Instant t) {
    return t == null ? "" : MINUTES.format(t);
  }
}
