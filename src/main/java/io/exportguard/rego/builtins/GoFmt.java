package io.exportguard.rego.builtins;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/** Go's fmt verbs for the three Go types sprintf sees: int/*big.Int (BigInteger), float64, string. */
final class GoFmt {
  private GoFmt() {}

  static String formatOne(Object value, String goType, int verb, Sprintf.Spec sp) {
    if (value instanceof BigInteger i) return integer(i, goType, verb, sp);
    if (value instanceof Double d) return floating(d, verb, sp);
    return string((String) value, verb, sp);
  }

  private static String bad(Object value, String goType, int verb, Sprintf.Spec sp) {
    return "%!" + new String(Character.toChars(verb)) + "(" + goType + "=" + formatOne(value, goType, 'v', sp) + ")";
  }

  // ---- integers ----

  private static String integer(BigInteger i, String goType, int verb, Sprintf.Spec sp) {
    String digits;
    String prefix = "";
    switch (verb) {
      case 'd': case 'v': digits = i.abs().toString(); break;
      case 's':
        if (!goType.equals("*big.Int")) return bad(i, goType, verb, sp);
        digits = i.abs().toString();
        break;
      case 'b': digits = i.abs().toString(2); if (sp.sharp) prefix = "0b"; break;
      case 'o': digits = i.abs().toString(8); if (sp.sharp) prefix = "0"; break;
      case 'O': digits = i.abs().toString(8); prefix = "0o"; break;
      case 'x': digits = i.abs().toString(16); if (sp.sharp) prefix = "0x"; break;
      case 'X': digits = i.abs().toString(16).toUpperCase(); if (sp.sharp) prefix = "0X"; break;
      case 'c':
        return pad(runeText(i), sp, false);
      case 'q': {
        StringBuilder sb = new StringBuilder("'");
        int cp = validRune(i);
        if (cp == '\'') sb.append("\\'");
        else if (cp == '"') sb.append('"');
        else appendEscaped(cp, sb, '\'');
        return pad(sb.append('\'').toString(), sp, false);
      }
      case 'U': {
        String hex = i.toString(16).toUpperCase();
        while (hex.length() < 4) hex = "0" + hex;
        String s = "U+" + hex;
        if (sp.sharp) s += " '" + runeText(i) + "'";
        return pad(s, sp, false);
      }
      default: return bad(i, goType, verb, sp);
    }
    if (sp.prec >= 0) {
      if (sp.prec == 0 && i.signum() == 0) digits = "";
      while (digits.length() < sp.prec) digits = "0" + digits;
    }
    String sign = i.signum() < 0 ? "-" : sp.plus ? "+" : sp.space ? " " : "";
    if (prefix.equals("0") && digits.startsWith("0")) prefix = "";
    String head = sign + prefix;
    if (sp.zero && sp.width > 0 && sp.prec < 0 && !sp.minus) {
      StringBuilder sb = new StringBuilder(digits);
      while (sb.length() + head.length() < sp.width) sb.insert(0, '0');
      return head + sb;
    }
    return pad(head + digits, sp, false);
  }

  private static int validRune(BigInteger i) {
    if (i.signum() < 0 || i.bitLength() > 31) return 0xFFFD;
    int cp = i.intValue();
    return Character.isValidCodePoint(cp) && !(cp >= 0xD800 && cp <= 0xDFFF) ? cp : 0xFFFD;
  }

  private static String runeText(BigInteger i) { return new String(Character.toChars(validRune(i))); }

  // ---- floats ----

  private static String floating(double d, int verb, Sprintf.Spec sp) {
    String body;
    switch (verb) {
      case 'v': case 'g': body = formatG(d, sp.prec, false); break;
      case 'G': body = formatG(d, sp.prec, true); break;
      case 'e': body = formatE(d, sp.prec < 0 ? 6 : sp.prec, false); break;
      case 'E': body = formatE(d, sp.prec < 0 ? 6 : sp.prec, true); break;
      case 'f': case 'F': body = formatF(d, sp.prec < 0 ? 6 : sp.prec); break;
      default: return bad(d, "float64", verb, sp);
    }
    boolean neg = body.startsWith("-");
    String digits = neg ? body.substring(1) : body;
    String sign = neg ? "-" : sp.plus ? "+" : sp.space ? " " : "";
    if (sp.zero && sp.width > 0 && !sp.minus) {
      StringBuilder sb = new StringBuilder(digits);
      while (sb.length() + sign.length() < sp.width) sb.insert(0, '0');
      return sign + sb;
    }
    return pad(sign + digits, sp, false);
  }

  /** Decimal digits (no trailing zeros) and the decimal point position, as Go's strconv works with. */
  private record Digits(boolean neg, String d, int dp) {}

  private static Digits shortest(double v) {
    if (v == 0) return new Digits(1 / v < 0, "", 0);
    BigDecimal b = new BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros();
    String d = b.unscaledValue().toString();
    return new Digits(v < 0, d, d.length() - b.scale());
  }

  private static Digits rounded(double v, int sig) {
    if (v == 0) return new Digits(1 / v < 0, "", 0);
    BigDecimal b = new BigDecimal(Math.abs(v)).round(new MathContext(sig, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    String d = b.unscaledValue().toString();
    return new Digits(v < 0, d, d.length() - b.scale());
  }

  static String formatG(double v, int prec, boolean upper) {
    boolean shortest = prec < 0;
    Digits digs;
    if (shortest) {
      digs = shortest(v);
      prec = Math.max(digs.d.length(), 1);
    } else {
      if (prec == 0) prec = 1;
      digs = rounded(v, prec);
    }
    int nd = digs.d.length();
    int eprec = prec;
    if (eprec > nd && nd >= digs.dp) eprec = nd;
    if (shortest) eprec = 6;
    int exp = digs.dp - 1;
    if (nd == 0) exp = 0;
    if (exp < -4 || exp >= eprec) {
      if (prec > nd) prec = Math.max(nd, 1);
      return fmtE(digs, prec - 1, upper ? 'E' : 'e');
    }
    if (prec > digs.dp) prec = nd;
    return fmtF(digs, Math.max(prec - digs.dp, 0));
  }

  static String formatE(double v, int prec, boolean upper) {
    return fmtE(rounded(v, prec + 1), prec, upper ? 'E' : 'e');
  }

  static String formatF(double v, int prec) {
    BigDecimal b = new BigDecimal(v).setScale(prec, RoundingMode.HALF_EVEN);
    String s = b.toPlainString();
    if (b.signum() == 0 && (1 / v < 0 || v < 0)) s = "-" + s;
    return s;
  }

  private static String fmtE(Digits digs, int prec, char e) {
    StringBuilder sb = new StringBuilder();
    if (digs.neg) sb.append('-');
    sb.append(digs.d.isEmpty() ? '0' : digs.d.charAt(0));
    if (prec > 0) {
      sb.append('.');
      for (int i = 1; i <= prec; i++) sb.append(i < digs.d.length() ? digs.d.charAt(i) : '0');
    }
    int exp = digs.d.isEmpty() ? 0 : digs.dp - 1;
    sb.append(e).append(exp < 0 ? '-' : '+');
    int ax = Math.abs(exp);
    if (ax < 10) sb.append('0');
    return sb.append(ax).toString();
  }

  private static String fmtF(Digits digs, int prec) {
    StringBuilder sb = new StringBuilder();
    if (digs.neg) sb.append('-');
    if (digs.dp > 0) {
      for (int i = 0; i < digs.dp; i++) sb.append(i < digs.d.length() ? digs.d.charAt(i) : '0');
    } else {
      sb.append('0');
    }
    if (prec > 0) {
      sb.append('.');
      for (int i = 0; i < prec; i++) {
        int j = digs.dp + i;
        sb.append(j < 0 || j >= digs.d.length() ? '0' : digs.d.charAt(j));
      }
    }
    return sb.toString();
  }

  // ---- strings ----

  private static String string(String s, int verb, Sprintf.Spec sp) {
    switch (verb) {
      case 's': case 'v':
        return pad(truncate(s, sp.prec), sp, sp.zero);
      case 'q': {
        String t = truncate(s, sp.prec);
        if (sp.sharp && t.indexOf('`') < 0 && t.chars().noneMatch(c -> c < 0x20 && c != '\t')) {
          return pad("`" + t + "`", sp, false);
        }
        StringBuilder sb = new StringBuilder();
        quote(t, sb);
        return pad(sb.toString(), sp, false);
      }
      case 'x': case 'X': {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        int len = sp.prec >= 0 ? Math.min(sp.prec, bytes.length) : bytes.length;
        StringBuilder sb = new StringBuilder();
        String digits = verb == 'x' ? "0123456789abcdef" : "0123456789ABCDEF";
        for (int i = 0; i < len; i++) {
          if (sp.space && i > 0) sb.append(' ');
          if (sp.sharp && (sp.space || i == 0)) sb.append(verb == 'x' ? "0x" : "0X");
          sb.append(digits.charAt((bytes[i] >> 4) & 0xF)).append(digits.charAt(bytes[i] & 0xF));
        }
        return pad(sb.toString(), sp, false);
      }
      default: return bad(s, "string", verb, sp);
    }
  }

  private static String truncate(String s, int prec) {
    if (prec < 0 || s.codePointCount(0, s.length()) <= prec) return s;
    return s.substring(0, s.offsetByCodePoints(0, prec));
  }

  private static String pad(String s, Sprintf.Spec sp, boolean zeros) {
    int len = s.codePointCount(0, s.length());
    if (sp.width <= len) return s;
    String fill = String.valueOf(zeros && !sp.minus ? '0' : ' ').repeat(sp.width - len);
    return sp.minus ? s + fill : fill + s;
  }

  static String quoteString(String s) {
    StringBuilder sb = new StringBuilder();
    quote(s, sb);
    return sb.toString();
  }

  /** Go's strconv.Quote. */
  static void quote(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '"') sb.append("\\\"");
      else appendEscaped(cp, sb, '"');
    }
    sb.append('"');
  }

  private static void appendEscaped(int cp, StringBuilder sb, char quote) {
    switch (cp) {
      case '\\': sb.append("\\\\"); return;
      case 7: sb.append("\\a"); return;
      case '\b': sb.append("\\b"); return;
      case '\f': sb.append("\\f"); return;
      case '\n': sb.append("\\n"); return;
      case '\r': sb.append("\\r"); return;
      case '\t': sb.append("\\t"); return;
      case 0x0B: sb.append("\\v"); return;
      default:
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      sb.append("\\ufffd");
    } else if (cp < 0x20 || cp == 0x7F) {
      sb.append(String.format("\\x%02x", cp));
    } else if (cp < 0x80 || isPrint(cp)) {
      sb.appendCodePoint(cp);
    } else if (cp < 0x10000) {
      sb.append(String.format("\\u%04x", cp));
    } else {
      sb.append(String.format("\\U%08x", cp));
    }
  }

  private static boolean isPrint(int cp) {
    int type = Character.getType(cp);
    if (cp == 0xA0 || cp == 0xAD) return false;
    return type != Character.UNASSIGNED && type != Character.CONTROL && type != Character.FORMAT
        && type != Character.PRIVATE_USE && type != Character.SURROGATE && type != Character.LINE_SEPARATOR
        && type != Character.PARAGRAPH_SEPARATOR && !(type == Character.SPACE_SEPARATOR && cp != ' ');
  }
}
