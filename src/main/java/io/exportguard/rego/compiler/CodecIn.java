package io.exportguard.rego.compiler;

import io.exportguard.rego.Annotations;
import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.NullValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads what {@link CodecOut} wrote, from {@code pos} up to {@code end} of a byte array; throws
 * {@link IOException} for anything it does not recognise (the caller then compiles the sources).
 */
public abstract class CodecIn {
  protected final byte[] in;
  protected int pos;
  protected final int end;
  private final List<String> strings = new ArrayList<>();

  protected CodecIn(byte[] bytes, int offset, int end) {
    this.in = bytes;
    this.pos = offset;
    this.end = end;
  }

  @SuppressWarnings("unchecked")
  protected final List<Annotations> annotations() throws IOException {
    int n = uint();
    if (n == 0) return List.of();
    List<Annotations> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String scope = str();
      Object fields = plain();
      if (!(fields instanceof Map<?, ?>)) throw new IOException("METADATA fields are not a map");
      out.add(new Annotations(scope, (Map<String, Object>) fields, str(), sint()));
    }
    return out;
  }

  protected final Value value() throws IOException {
    int tag = uint();
    switch (tag) {
      case AstCodec.V_NULL:
        return NullValue.INSTANCE;
      case AstCodec.V_TRUE:
        return BooleanValue.TRUE;
      case AstCodec.V_FALSE:
        return BooleanValue.FALSE;
      case AstCodec.V_NUMBER:
        return NumberValue.of(new BigDecimal(str()));
      case AstCodec.V_STRING:
        return StringValue.of(str());
      case AstCodec.V_ARRAY: {
        int n = uint();
        Value[] items = new Value[n];
        for (int i = 0; i < n; i++) items[i] = value();
        return ArrayValue.wrap(items);
      }
      case AstCodec.V_OBJECT: {
        int n = uint();
        TreeMap<Value, Value> entries = new TreeMap<>();
        for (int i = 0; i < n; i++) entries.put(value(), value());
        return ObjectValue.wrap(entries);
      }
      case AstCodec.V_SET: {
        int n = uint();
        TreeSet<Value> items = new TreeSet<>();
        for (int i = 0; i < n; i++) items.add(value());
        return SetValue.wrap(items);
      }
      default:
        throw new IOException("unknown value tag " + tag);
    }
  }

  private Object plain() throws IOException {
    int tag = uint();
    switch (tag) {
      case AstCodec.P_NULL:
        return null;
      case AstCodec.P_STRING:
        return str();
      case AstCodec.P_TRUE:
        return Boolean.TRUE;
      case AstCodec.P_FALSE:
        return Boolean.FALSE;
      case AstCodec.P_INT:
        return sint();
      case AstCodec.P_LONG:
        return Long.parseLong(str());
      case AstCodec.P_BIGINT:
        return new BigInteger(str());
      case AstCodec.P_DOUBLE:
        return Double.parseDouble(str());
      case AstCodec.P_LIST: {
        int n = uint();
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(plain());
        return out;
      }
      case AstCodec.P_MAP: {
        int n = uint();
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) out.put(str(), plain());
        return out;
      }
      default:
        throw new IOException("unknown METADATA value tag " + tag);
    }
  }

  protected final String str() throws IOException {
    int n = uint();
    if (n == 0) return null;
    if (n == 1) {
      int len = uint();
      if (len < 0 || len > end - pos) throw new IOException("truncated");
      String s = new String(in, pos, len, StandardCharsets.UTF_8);
      pos += len;
      strings.add(s);
      return s;
    }
    return at(strings, n - 2);
  }

  protected static <T> T at(List<T> table, int i) throws IOException {
    if (i < 0 || i >= table.size()) throw new IOException("a reference to nothing written before");
    return table.get(i);
  }

  protected static <E> E enumAt(E[] values, int i) throws IOException {
    if (i < 0 || i >= values.length) throw new IOException("unknown constant " + i);
    return values[i];
  }

  protected final boolean bool() throws IOException {
    int v = uint();
    if (v > 1) throw new IOException("malformed flag");
    return v == 1;
  }

  protected final int sint() throws IOException {
    int v = uint();
    return (v >>> 1) ^ -(v & 1);
  }

  protected final int uint() throws IOException {
    int v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (pos >= end) throw new IOException("truncated");
      int b = in[pos++];
      v |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) return v;
    }
    throw new IOException("malformed number");
  }

  /** Whether everything up to the end was read. */
  protected final boolean atEnd() { return pos == end; }
}
