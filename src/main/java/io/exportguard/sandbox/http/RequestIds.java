package io.exportguard.sandbox.http;

import java.util.concurrent.ThreadLocalRandom;

/** Request ids in the services' shape: 8-4-4-4-12 upper-case hex. */
public final class RequestIds {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private RequestIds() {}

  public static String next() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long a = r.nextLong();
    long b = r.nextLong();
    char[] out = new char[36];
    int pos = 0;
    for (int i = 0; i < 32; i++) {
      if (i == 8 || i == 12 || i == 16 || i == 20) {
        out[pos++] = '-';
      }
      long word = i < 16 ? a : b;
      out[pos++] = HEX[(int) (word >>> (60 - 4 * (i % 16))) & 15];
    }
    return new String(out);
  }
}
