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

  /** PEM blocks of the given label (all labels when null), decoded. */
  static List<byte[]> pemBlocks(String text, String label) {
    List<byte[]> out = new ArrayList<>();
    int i = 0;
    while ((i = text.indexOf("-----BEGIN ", i)) >= 0) {
      int labelEnd = text.indexOf("-----", i + 11);
      if (labelEnd < 0) break;
      String l = text.substring(i + 11, labelEnd);
      int end = text.indexOf("-----END " + l + "-----", labelEnd);
      if (end < 0) break;
      if (label == null || label.equals(l)) {
        String body = text.substring(labelEnd + 5, end).replaceAll("\\s", "");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(java.util.Base64.getDecoder().decode(body));
        out.add(bytes.toByteArray());
      }
      i = end + 1;
    }
    return out;
  }
}
