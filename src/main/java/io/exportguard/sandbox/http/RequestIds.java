package io.exportguard.sandbox.http;

import java.util.concurrent.ThreadLocalRandom;

/** Request ids in the services' shape: 8-4-4-4-12 upper-case hex. */
public final class RequestIds {
  private RequestIds() {}

  public static String next() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long a = r.nextLong();
    long b = r.nextLong();
    String hex = String.format("%016X%016X", a, b);
    return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-" + hex.substring(16, 20)
        + "-" + hex.substring(20, 32);
  }
}
