package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.b;
import static io.exportguard.rego.builtins.Args.def;
import static io.exportguard.rego.builtins.Args.s;
import static io.exportguard.rego.builtins.Args.str;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** base64, base64url, hex, urlquery and json.* text encodings, with Go's acceptance rules and errors. */
final class Encoding {
  private Encoding() {}

  static void register(BuiltinRegistry r) {
    def(r, "base64.encode", Encoding::base64Encode);
    def(r, "base64.decode", Encoding::base64DecodeBuiltin);
    def(r, "base64.is_valid", Encoding::base64IsValid);
    def(r, "base64url.encode", Encoding::base64UrlEncode);
    def(r, "base64url.encode_no_pad", Encoding::base64UrlEncodeNoPad);
    def(r, "base64url.decode", Encoding::base64UrlDecode);
    def(r, "hex.encode", Encoding::hexEncode);
    def(r, "hex.decode", Encoding::hexDecodeBuiltin);
    def(r, "urlquery.encode", Encoding::urlQueryEncode);
    def(r, "urlquery.decode", Encoding::urlQueryDecode);
    def(r, "urlquery.encode_object", Encoding::urlQueryEncodeObject);
    def(r, "urlquery.decode_object", Encoding::urlQueryDecodeObject);
    def(r, "json.marshal", Encoding::jsonMarshal);
    def(r, "json.marshal_with_options", Encoding::jsonMarshalWithOptions);
    def(r, "json.unmarshal", Encoding::jsonUnmarshal);
    def(r, "json.is_valid", Encoding::jsonIsValid);
  }

  static Value base64Encode(BuiltinContext ctx, List<Value> a) {
    return s(Base64.getEncoder().encodeToString(utf8(str(a, 1))));
  }

  static Value base64DecodeBuiltin(BuiltinContext ctx, List<Value> a) { return s(text(base64Decode(str(a, 1), false))); }

  static Value base64IsValid(BuiltinContext ctx, List<Value> a) {
    if (!(a.get(0) instanceof StringValue sv)) return b(false);
    try {
      base64Decode(sv.value(), false);
      return b(true);
    } catch (BuiltinException e) {
      return b(false);
    }
  }

  static Value base64UrlEncode(BuiltinContext ctx, List<Value> a) {
    return s(Base64.getUrlEncoder().encodeToString(utf8(str(a, 1))));
  }

  static Value base64UrlEncodeNoPad(BuiltinContext ctx, List<Value> a) {
    return s(Base64.getUrlEncoder().withoutPadding().encodeToString(utf8(str(a, 1))));
  }

  /** Accepts input with or without padding, as OPA does. */
  static Value base64UrlDecode(BuiltinContext ctx, List<Value> a) {
    String x = str(a, 1);
    if (!x.endsWith("=")) {
      switch (x.length() % 4) {
        case 0: break;
        case 2: x += "=="; break;
        case 3: x += "="; break;
        default: throw Args.fail("illegal base64url string: " + x);
      }
    }
    return s(text(base64Decode(x, true)));
  }

  static Value hexEncode(BuiltinContext ctx, List<Value> a) {
    StringBuilder sb = new StringBuilder();
    for (byte x : utf8(str(a, 1))) sb.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
    return s(sb.toString());
  }

  static Value hexDecodeBuiltin(BuiltinContext ctx, List<Value> a) { return s(text(hexDecode(str(a, 1)))); }

  static Value urlQueryEncode(BuiltinContext ctx, List<Value> a) { return s(Urls.queryEscape(str(a, 1))); }

  static Value urlQueryDecode(BuiltinContext ctx, List<Value> a) { return s(Urls.queryUnescape(str(a, 1))); }

  /** Keys sorted, each value (a string, or every string of an array or set) as its own pair. */
  static Value urlQueryEncodeObject(BuiltinContext ctx, List<Value> a) {
    ObjectValue o = Args.obj(a, 1);
    TreeMap<String, List<String>> q = new TreeMap<>();
    for (Map.Entry<Value, Value> e : o.entries().entrySet()) {
      String k = e.getKey() instanceof StringValue sk ? sk.value() : e.getKey().toJson();
      List<String> vals = new ArrayList<>();
      Value v = e.getValue();
      if (v instanceof StringValue sv) {
        vals.add(sv.value());
      } else if (v instanceof ArrayValue || v instanceof SetValue) {
        List<Value> items = v instanceof ArrayValue av ? av.items() : new ArrayList<>(((SetValue) v).items());
        for (Value x : items) {
          if (!(x instanceof StringValue sx)) throw Args.operand(1, "values must be string, array[string], or set[string]");
          vals.add(sx.value());
        }
      } else {
        throw Args.operand(1, "values must be string, array[string], or set[string]");
      }
      q.put(k, vals);
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, List<String>> e : q.entrySet()) {
      for (String v : e.getValue()) {
        if (sb.length() > 0) sb.append('&');
        sb.append(Urls.queryEscape(e.getKey())).append('=').append(Urls.queryEscape(v));
      }
    }
    return s(sb.toString());
  }

  static Value urlQueryDecodeObject(BuiltinContext ctx, List<Value> a) {
    Map<String, List<String>> q = Urls.parseQuery(str(a, 1));
    TreeMap<Value, Value> out = new TreeMap<>();
    for (Map.Entry<String, List<String>> e : q.entrySet()) {
      List<Value> vals = new ArrayList<>();
      for (String v : e.getValue()) vals.add(s(v));
      out.put(s(e.getKey()), ArrayValue.of(vals));
    }
    return ObjectValue.wrap(out);
  }

  static Value jsonMarshal(BuiltinContext ctx, List<Value> a) { return s(GoJson.compact(a.get(0))); }

  /** Options prefix and indent imply pretty printing unless {@code pretty: false} says otherwise. */
  static Value jsonMarshalWithOptions(BuiltinContext ctx, List<Value> a) {
    Value v = a.get(0);
    ObjectValue opts = Args.obj(a, 2);
    String indent = "\t";
    String prefix = "";
    boolean implicitPretty = false;
    Boolean explicitPretty = null;
    for (Map.Entry<Value, Value> e : opts.entries().entrySet()) {
      if (!(e.getKey() instanceof StringValue key)) {
        throw Args.operand(2, "failed to stringify key " + RegoText.of(e.getKey()));
      }
      switch (key.value()) {
        case "prefix":
          if (!(e.getValue() instanceof StringValue p)) throw Args.operand(2, "key prefix failed cast to string");
          prefix = p.value();
          implicitPretty = true;
          break;
        case "indent":
          if (!(e.getValue() instanceof StringValue in)) throw Args.operand(2, "key indent failed cast to string");
          indent = in.value();
          implicitPretty = true;
          break;
        case "pretty":
          if (!(e.getValue() instanceof BooleanValue pb)) throw Args.operand(2, "key pretty failed cast to bool");
          explicitPretty = pb.value();
          break;
        default:
          throw Args.operand(2, "object contained unknown key " + RegoText.of(key));
      }
    }
    boolean pretty = explicitPretty != null ? explicitPretty : implicitPretty;
    return s(pretty ? prefix + GoJson.indent(v, prefix, indent) : GoJson.compact(v));
  }

  /** Go's decoder errors ({@link GoJsonSyntax#decoderError}); a value followed by null decodes to the value. */
  static Value jsonUnmarshal(BuiltinContext ctx, List<Value> a) {
    String text = str(a, 1);
    int[] end = {text.length()};
    String error = GoJsonSyntax.decoderError(text, end);
    if (error != null) throw Args.fail(error);
    return Json.parse(text.substring(0, end[0]));
  }

  /** Go's json.Valid. */
  static Value jsonIsValid(BuiltinContext ctx, List<Value> a) {
    return b(a.get(0) instanceof StringValue sv && GoJsonSyntax.error(sv.value()) == null);
  }

  static byte[] utf8(String x) { return x.getBytes(StandardCharsets.UTF_8); }

  static String text(byte[] bytes) { return new String(bytes, StandardCharsets.UTF_8); }

  /** Go's StdEncoding/URLEncoding decode: padding required, CR and LF ignored. */
  static byte[] base64Decode(String x, boolean url) {
    String alphabet = url ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
        : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    StringBuilder clean = new StringBuilder(x.length());
    for (int i = 0; i < x.length(); i++) {
      char c = x.charAt(i);
      if (c == '\r' || c == '\n') continue;
      if (alphabet.indexOf(c) < 0 && c != '=') throw Args.fail("illegal base64 data at input byte " + clean.length());
      clean.append(c);
    }
    String t = clean.toString();
    int pad = t.indexOf('=');
    if (pad >= 0) {
      for (int i = pad; i < t.length(); i++) {
        if (t.charAt(i) != '=') throw Args.fail("illegal base64 data at input byte " + i);
      }
      if (t.length() - pad > 2 || t.length() % 4 != 0) throw Args.fail("illegal base64 data at input byte " + pad);
    } else if (t.length() % 4 != 0) {
      throw Args.fail("illegal base64 data at input byte " + (t.length() / 4 * 4));
    }
    try {
      return (url ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(t);
    } catch (IllegalArgumentException e) {
      throw Args.fail("illegal base64 data at input byte " + Math.max(0, t.length() - 4));
    }
  }

  static byte[] hexDecode(String x) {
    byte[] in = utf8(x);
    byte[] out = new byte[in.length / 2];
    for (int i = 0; i + 1 < in.length; i += 2) {
      int hi = hexVal(x, in, i);
      int lo = hexVal(x, in, i + 1);
      out[i / 2] = (byte) ((hi << 4) | lo);
    }
    if (in.length % 2 == 1) {
      hexVal(x, in, in.length - 1);
      throw Args.fail("encoding/hex: odd length hex string");
    }
    return out;
  }

  private static int hexVal(String x, byte[] in, int i) {
    int d = Character.digit((char) (in[i] & 0xFF), 16);
    if (d >= 0 && (in[i] & 0x80) == 0) return d;
    // Go reports the offending byte as a rune.
    int b = in[i] & 0xFF;
    String shown = b >= 0x20 && b < 0x7F ? " '" + (char) b + "'" : "";
    throw Args.fail(String.format("encoding/hex: invalid byte: U+%04X%s", b, shown));
  }

}
