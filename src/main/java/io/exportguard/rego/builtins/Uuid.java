package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.def;
import static io.exportguard.rego.builtins.Args.s;
import static io.exportguard.rego.builtins.Args.str;

import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.Value;
import java.math.BigInteger;
import java.security.SecureRandom;

/** uuid.rfc4122 (random v4, one value per key and query) and uuid.parse (the fields OPA decodes). */
final class Uuid {
  private Uuid() {}

  private static final SecureRandom RANDOM = new SecureRandom();
  /** 100-ns intervals between 1582-10-15 and 1970-01-01. */
  private static final long GREGORIAN_OFFSET = 122_192_928_000_000_000L;

  private record Key(Value k) {}

  static void register(BuiltinRegistry r) {
    def(r, "uuid.rfc4122", (ctx, a) -> {
      Value k = a.get(0);
      Args.str(a, 1);
      return ctx.queryCached(new Key(k), key -> {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        b[8] = (byte) (b[8] & 0x3f | 0x80);
        b[6] = (byte) (b[6] & 0x0f | 0x40);
        return s(format(b));
      });
    });
    def(r, "uuid.parse", (ctx, a) -> {
      byte[] u = parse(str(a, 1));
      if (u == null) return null;
      int version = (u[6] & 0xFF) >> 4;
      ObjectValue.Builder o = ObjectValue.builder();
      o.put("version", NumberValue.of(version));
      o.put("variant", s(variant(u[8] & 0xFF)));
      if (version == 1 || version == 2) {
        long time = (u32(u, 0)) | ((long) u16(u, 4) << 32) | ((long) (u16(u, 6) & 0xfff) << 48);
        BigInteger ns = BigInteger.valueOf(time - GREGORIAN_OFFSET).multiply(BigInteger.valueOf(100));
        o.put("time", NumberValue.of(ns));
        StringBuilder node = new StringBuilder();
        for (int i = 10; i < 16; i++) {
          if (i > 10) node.append('-');
          node.append(String.format("%02x", u[i] & 0xFF));
        }
        o.put("nodeid", s(node.toString()));
        o.put("macvariables", s(macVariables(u[10] & 0xFF)));
        o.put("clocksequence", NumberValue.of(u16(u, 8) & 0x3fff));
        if (version == 2) {
          o.put("id", NumberValue.of(u32(u, 0)));
          int d = u[9] & 0xFF;
          o.put("domain", s(d == 0 ? "Person" : d == 1 ? "Group" : d == 2 ? "Org" : "Domain" + d));
        }
      }
      return o.build();
    });
  }

  private static long u32(byte[] u, int i) {
    return ((long) (u[i] & 0xFF) << 24) | ((u[i + 1] & 0xFF) << 16) | ((u[i + 2] & 0xFF) << 8) | (u[i + 3] & 0xFF);
  }

  private static int u16(byte[] u, int i) { return ((u[i] & 0xFF) << 8) | (u[i + 1] & 0xFF); }

  private static String variant(int b) {
    if ((b & 0xc0) == 0x80) return "RFC4122";
    if ((b & 0xe0) == 0xc0) return "Microsoft";
    if ((b & 0xe0) == 0xe0) return "Future";
    return "Reserved";
  }

  private static String macVariables(int b) {
    if ((b & 3) == 3) return "local:multicast";
    if ((b & 1) == 1) return "global:multicast";
    if ((b & 2) == 2) return "local:unicast";
    return "global:unicast";
  }

  static String format(byte[] b) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      if (i == 4 || i == 6 || i == 8 || i == 10) sb.append('-');
      sb.append(String.format("%02x", b[i] & 0xFF));
    }
    return sb.toString();
  }

  /** google/uuid's accepted forms: plain, {braced}, urn:uuid:, or 32 hex digits. Null when invalid. */
  static byte[] parse(String s) {
    String hex;
    switch (s.length()) {
      case 36: hex = dashed(s); break;
      case 38:
        if (s.charAt(0) != '{' || s.charAt(37) != '}') return null;
        hex = dashed(s.substring(1, 37));
        break;
      case 45:
        if (!s.substring(0, 9).equalsIgnoreCase("urn:uuid:")) return null;
        hex = dashed(s.substring(9));
        break;
      case 32: hex = s; break;
      default: return null;
    }
    if (hex == null || hex.length() != 32) return null;
    byte[] out = new byte[16];
    for (int i = 0; i < 16; i++) {
      int hi = Character.digit(hex.charAt(2 * i), 16);
      int lo = Character.digit(hex.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) return null;
      out[i] = (byte) (hi << 4 | lo);
    }
    return out;
  }

  private static String dashed(String s) {
    if (s.length() != 36 || s.charAt(8) != '-' || s.charAt(13) != '-' || s.charAt(18) != '-' || s.charAt(23) != '-') {
      return null;
    }
    return s.replace("-", "");
  }
}
