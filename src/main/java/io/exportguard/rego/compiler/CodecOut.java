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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The writing half of the compact binary forms ({@link AstCodec}): variable-length integers, every
 * string written once and referred to by number after that, values and METADATA blocks. The
 * compiled modules ({@link AstWriter}) and the evaluation plan ({@code eval.PlanWriter}) build on it;
 * {@link CodecIn} reads it back.
 */
public abstract class CodecOut {
  protected final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
  private final Map<String, Integer> strings = new HashMap<>();

  protected CodecOut() {}

  protected final void annotations(List<Annotations> list) throws IOException {
    uint(list.size());
    for (Annotations a : list) {
      str(a.scope());
      plain(a.fields());
      str(a.file());
      sint(a.line());
    }
  }

  protected final void value(Value v) throws IOException {
    if (v instanceof NullValue) {
      uint(AstCodec.V_NULL);
    } else if (v instanceof BooleanValue b) {
      uint(b.value() ? AstCodec.V_TRUE : AstCodec.V_FALSE);
    } else if (v instanceof NumberValue n) {
      uint(AstCodec.V_NUMBER);
      str(n.value().toString()); // BigDecimal(String) gives back the same unscaled value and scale
    } else if (v instanceof StringValue s) {
      uint(AstCodec.V_STRING);
      str(s.value());
    } else if (v instanceof ArrayValue a) {
      uint(AstCodec.V_ARRAY);
      uint(a.size());
      for (Value x : a.items()) value(x);
    } else if (v instanceof ObjectValue o) {
      uint(AstCodec.V_OBJECT);
      uint(o.entries().size());
      for (Map.Entry<Value, Value> e : o.entries().entrySet()) {
        value(e.getKey());
        value(e.getValue());
      }
    } else if (v instanceof SetValue s) {
      uint(AstCodec.V_SET);
      uint(s.items().size());
      for (Value x : s.items()) value(x);
    } else {
      throw new IOException("no compact form for " + v);
    }
  }

  private void plain(Object o) throws IOException {
    if (o == null) {
      uint(AstCodec.P_NULL);
    } else if (o instanceof String s) {
      uint(AstCodec.P_STRING);
      str(s);
    } else if (o instanceof Boolean b) {
      uint(b ? AstCodec.P_TRUE : AstCodec.P_FALSE);
    } else if (o instanceof Integer i) {
      uint(AstCodec.P_INT);
      sint(i);
    } else if (o instanceof Long l) {
      uint(AstCodec.P_LONG);
      str(Long.toString(l));
    } else if (o instanceof BigInteger b) {
      uint(AstCodec.P_BIGINT);
      str(b.toString());
    } else if (o instanceof Double d) {
      uint(AstCodec.P_DOUBLE);
      str(Double.toString(d));
    } else if (o instanceof List<?> l) {
      uint(AstCodec.P_LIST);
      uint(l.size());
      for (Object x : l) plain(x);
    } else if (o instanceof Map<?, ?> m) {
      uint(AstCodec.P_MAP);
      uint(m.size());
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String k)) throw new IOException("no compact form for a METADATA key " + e.getKey());
        str(k);
        plain(e.getValue());
      }
    } else {
      throw new IOException("no compact form for METADATA value " + o.getClass().getName());
    }
  }

  /** 0 null, 1 a new string (length and UTF-8 bytes follow), n + 2 the n-th string written. */
  protected final void str(String s) {
    if (s == null) {
      uint(0);
      return;
    }
    Integer seen = strings.get(s);
    if (seen != null) {
      uint(seen + 2);
      return;
    }
    strings.put(s, strings.size());
    uint(1);
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    uint(b.length);
    out.write(b, 0, b.length);
  }

  protected final void sint(int v) {
    uint((v << 1) ^ (v >> 31));
  }

  protected final void uint(int v) {
    while ((v & ~0x7F) != 0) {
      out.write((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.write(v);
  }
}
