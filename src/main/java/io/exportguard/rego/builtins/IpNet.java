package io.exportguard.rego.builtins;

import java.math.BigInteger;

/**
 * IP addresses and networks as Go's net package parses and prints them, without any name lookup.
 * Addresses are unsigned integers of 32 (IPv4) or 128 (IPv6) bits.
 */
record IpNet(BigInteger ip, int bits, int prefix) {
  private static final BigInteger V4_MAPPED = BigInteger.valueOf(0xFFFFL).shiftLeft(32);

  /** Go's net.ParseIP; null when the text is not an address. */
  static IpNet parseIp(String s) {
    BigInteger v4 = parseV4(s);
    if (v4 != null) return new IpNet(v4, 32, 32);
    BigInteger v6 = parseV6(s);
    return v6 == null ? null : new IpNet(v6, 128, 128);
  }

  /** Go's net.ParseCIDR: the masked network; null when invalid. */
  static IpNet parseCidr(String s) {
    int slash = s.indexOf('/');
    if (slash < 0) return null;
    String addr = s.substring(0, slash);
    String len = s.substring(slash + 1);
    if (len.isEmpty() || len.length() > 3 || !len.chars().allMatch(Character::isDigit)) return null;
    int prefix = Integer.parseInt(len);
    BigInteger v4 = parseV4(addr);
    if (v4 != null) {
      if (prefix > 32) return null;
      return new IpNet(v4, 32, prefix).masked();
    }
    BigInteger v6 = parseV6(addr);
    if (v6 == null || prefix > 128) return null;
    return new IpNet(v6, 128, prefix).masked();
  }

  IpNet masked() { return new IpNet(ip.and(mask()), bits, prefix); }

  BigInteger mask() {
    BigInteger all = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
    return all.xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
  }

  BigInteger first() { return ip.and(mask()); }

  BigInteger last() { return first().or(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE)); }

  /** Go's IPNet.Contains for an address (v4 addresses and v4-mapped v6 addresses are interchangeable). */
  boolean contains(IpNet addr) {
    BigInteger a = addr.ip;
    if (bits == 32) {
      if (addr.bits == 128) {
        if (!a.shiftRight(32).equals(BigInteger.valueOf(0xFFFFL))) return false;
        a = a.and(BigInteger.valueOf(0xFFFFFFFFL));
      }
    } else if (addr.bits == 32) {
      a = a.or(V4_MAPPED);
    }
    return a.and(mask()).equals(first());
  }

  IpNet at(BigInteger address) { return new IpNet(address, bits, bits); }

  /** Go's IP.String for the address part. */
  String ipString() { return format(ip, bits); }

  /** Go's IPNet.String. */
  String cidrString() { return format(ip, bits) + "/" + prefix; }

  static String format(BigInteger v, int bits) {
    if (bits == 32) {
      long x = v.longValue();
      return ((x >> 24) & 255) + "." + ((x >> 16) & 255) + "." + ((x >> 8) & 255) + "." + (x & 255);
    }
    if (v.shiftRight(32).equals(BigInteger.valueOf(0xFFFFL))) return format(v.and(BigInteger.valueOf(0xFFFFFFFFL)), 32);
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) g[i] = v.shiftRight(16 * (7 - i)).intValue() & 0xFFFF;
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) { i++; continue; }
      int j = i;
      while (j < 8 && g[j] == 0) j++;
      if (j - i > bestLen) { bestStart = i; bestLen = j - i; }
      i = j;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }

  static BigInteger parseV4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) return null;
    long v = 0;
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) return null;
      if (p.length() > 1 && p.charAt(0) == '0') return null;
      int n = Integer.parseInt(p);
      if (n > 255) return null;
      v = v << 8 | n;
    }
    return BigInteger.valueOf(v);
  }

  static BigInteger parseV6(String s) {
    if (s.isEmpty() || s.indexOf('%') >= 0) return null;
    int dbl = s.indexOf("::");
    if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) return null;
    String head = dbl >= 0 ? s.substring(0, dbl) : s;
    String tail = dbl >= 0 ? s.substring(dbl + 2) : "";
    java.util.List<Integer> hs = groups(head);
    java.util.List<Integer> ts = groups(tail);
    if (hs == null || ts == null) return null;
    int total = hs.size() + ts.size();
    if (dbl < 0 && total != 8) return null;
    if (dbl >= 0 && total > 7) return null;
    BigInteger v = BigInteger.ZERO;
    for (int h : hs) v = v.shiftLeft(16).or(BigInteger.valueOf(h));
    for (int i = 0; i < 8 - total; i++) v = v.shiftLeft(16);
    for (int t : ts) v = v.shiftLeft(16).or(BigInteger.valueOf(t));
    return v;
  }

  /** Hex groups; a trailing dotted IPv4 part counts as two groups. Null when malformed. */
  private static java.util.List<Integer> groups(String s) {
    java.util.List<Integer> out = new java.util.ArrayList<>();
    if (s.isEmpty()) return out;
    String[] parts = s.split(":", -1);
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (i == parts.length - 1 && p.indexOf('.') >= 0) {
        BigInteger v4 = parseV4(p);
        if (v4 == null) return null;
        out.add(v4.intValue() >>> 16);
        out.add(v4.intValue() & 0xFFFF);
        continue;
      }
      if (p.isEmpty() || p.length() > 4) return null;
      for (char c : p.toCharArray()) if (Character.digit(c, 16) < 0) return null;
      out.add(Integer.parseInt(p, 16));
    }
    return out;
  }
}
