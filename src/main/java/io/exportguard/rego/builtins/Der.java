package io.exportguard.rego.builtins;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A minimal DER reader: enough to walk X.509 names, extensions and PKCS#1 keys. */
final class Der {
  /** One element: its tag, its content bytes and its whole encoding. */
  record Element(int tag, byte[] content, byte[] encoded) {
    List<Element> children() { return Der.readAll(content); }

    BigInteger integer() { return new BigInteger(content); }

    String string() {
      return tag == 0x1e ? new String(content, StandardCharsets.UTF_16BE) : new String(content, StandardCharsets.UTF_8);
    }

    /** The OID arcs of an OBJECT IDENTIFIER. */
    List<Long> oid() {
      List<Long> arcs = new ArrayList<>();
      long v = 0;
      for (int i = 0; i < content.length; i++) {
        v = (v << 7) | (content[i] & 0x7F);
        if ((content[i] & 0x80) == 0) {
          if (arcs.isEmpty()) {
            long first = Math.min(v / 40, 2);
            arcs.add(first);
            arcs.add(v - first * 40);
          } else {
            arcs.add(v);
          }
          v = 0;
        }
      }
      return arcs;
    }
  }

  private Der() {}

  static List<Element> readAll(byte[] b) {
    List<Element> out = new ArrayList<>();
    int[] pos = {0};
    while (pos[0] < b.length) out.add(read(b, pos));
    return out;
  }

  static Element read(byte[] b, int[] pos) {
    int start = pos[0];
    if (start + 2 > b.length) throw new IllegalArgumentException("truncated DER");
    int tag = b[pos[0]++] & 0xFF;
    int len = b[pos[0]++] & 0xFF;
    if (len >= 0x80) {
      int n = len & 0x7F;
      if (n == 0 || n > 4) throw new IllegalArgumentException("unsupported DER length");
      len = 0;
      for (int i = 0; i < n; i++) len = (len << 8) | (b[pos[0]++] & 0xFF);
    }
    if (len < 0 || pos[0] + len > b.length) throw new IllegalArgumentException("truncated DER");
    byte[] content = java.util.Arrays.copyOfRange(b, pos[0], pos[0] + len);
    pos[0] += len;
    return new Element(tag, content, java.util.Arrays.copyOfRange(b, start, pos[0]));
  }

  /** One PEM block: its type label and its decoded bytes. */
  record PemBlock(String type, byte[] bytes) {}

  /** The PEM blocks in a text, as Go's pem.Decode reads them (headers and text between blocks skipped). */
  static List<PemBlock> pem(String text) {
    List<PemBlock> out = new ArrayList<>();
    int i = 0;
    while ((i = text.indexOf("-----BEGIN ", i)) >= 0) {
      int typeEnd = text.indexOf("-----", i + 11);
      if (typeEnd < 0) break;
      String type = text.substring(i + 11, typeEnd);
      int end = text.indexOf("-----END " + type + "-----", typeEnd);
      if (end < 0) break;
      String body = text.substring(typeEnd + 5, end);
      int headers = body.indexOf("\n\n");
      if (headers >= 0 && body.substring(0, headers).contains(":")) body = body.substring(headers + 2);
      try {
        out.add(new PemBlock(type, java.util.Base64.getMimeDecoder().decode(body.trim())));
      } catch (IllegalArgumentException e) {
        // Go's pem.Decode skips a block whose body is not base64
      }
      i = end + 1;
    }
    return out;
  }

  // ---- writing ----

  /** A DER element with the given tag around the content. */
  static byte[] tagged(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int len = content.length;
    if (len < 0x80) {
      out.write(len);
    } else {
      byte[] l = java.math.BigInteger.valueOf(len).toByteArray();
      int skip = l[0] == 0 ? 1 : 0;
      out.write(0x80 | (l.length - skip));
      out.write(l, skip, l.length - skip);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  static byte[] sequence(byte[]... elements) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    for (byte[] e : elements) content.writeBytes(e);
    return tagged(0x30, content.toByteArray());
  }

  /** An OBJECT IDENTIFIER from its dotted form. */
  static byte[] oid(String dotted) {
    String[] parts = dotted.split("\\.");
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    long first = Long.parseLong(parts[0]) * 40 + Long.parseLong(parts[1]);
    for (int i = 1; i < parts.length; i++) {
      long arc = i == 1 ? first : Long.parseLong(parts[i]);
      int groups = 1;
      while ((arc >> (7 * groups)) != 0) groups++;
      for (int g = groups - 1; g >= 0; g--) content.write((int) ((arc >> (7 * g)) & 0x7F) | (g > 0 ? 0x80 : 0));
    }
    return tagged(0x06, content.toByteArray());
  }
}
