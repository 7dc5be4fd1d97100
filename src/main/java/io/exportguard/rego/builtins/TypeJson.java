package io.exportguard.rego.builtins;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Builtin types in OPA's JSON form, as capabilities files write a builtin's {@code decl}:
 * {@code {"type": "function", "args": [{"type": "string"}], "result": {"type": "boolean"}}},
 * {@code {"type": "any", "of": [...]}}, {@code {"type": "array", "static": [...], "dynamic": {...}}},
 * {@code {"type": "set", "of": {...}}}, {@code {"type": "object", "static": [{"key": k, "value": t}],
 * "dynamic": {"key": t, "value": t}}}, and {@code "variadic": t} for a repeated last argument.
 * Unknown members ({@code name}, {@code description} of newer OPA versions) are ignored.
 */
public final class TypeJson {
  private TypeJson() {}

  /** Reads a function declaration; {@link IllegalArgumentException} says what is wrong. */
  public static BuiltinType.Function function(Value decl) {
    ObjectValue o = object(decl, "decl");
    if (!"function".equals(string(o.get("type"), "decl.type"))) {
      throw new IllegalArgumentException("decl.type must be \"function\"");
    }
    List<BuiltinType> args = new ArrayList<>();
    Value a = o.get("args");
    if (a != null) for (Value t : array(a, "decl.args").items()) args.add(type(t));
    Value variadic = o.get("variadic");
    if (variadic != null) args.add(type(variadic));
    Value result = o.get("result");
    return new BuiltinType.Function(args, variadic != null, result == null ? null : type(result));
  }

  /** Reads one type. */
  public static BuiltinType type(Value v) {
    ObjectValue o = object(v, "type");
    String kind = string(o.get("type"), "type");
    switch (kind) {
      case "any": {
        Value of = o.get("of");
        if (of == null) return BuiltinType.ANY;
        List<BuiltinType> types = new ArrayList<>();
        for (Value t : array(of, "any.of").items()) types.add(type(t));
        return new BuiltinType.Any(types);
      }
      case "null": return BuiltinType.NULL;
      case "boolean": return BuiltinType.BOOLEAN;
      case "number": return BuiltinType.NUMBER;
      case "string": return BuiltinType.STRING;
      case "set": return new BuiltinType.Set(o.get("of") == null ? BuiltinType.ANY : type(o.get("of")));
      case "array": {
        List<BuiltinType> fixed = new ArrayList<>();
        if (o.get("static") != null) for (Value t : array(o.get("static"), "array.static").items()) fixed.add(type(t));
        return new BuiltinType.Array(fixed, o.get("dynamic") == null ? null : type(o.get("dynamic")));
      }
      case "object": {
        List<BuiltinType.Field> fields = new ArrayList<>();
        if (o.get("static") != null) {
          for (Value f : array(o.get("static"), "object.static").items()) {
            ObjectValue field = object(f, "object.static[]");
            Value key = field.get("key");
            if (key == null) throw new IllegalArgumentException("object.static[] needs a key");
            fields.add(new BuiltinType.Field(key instanceof StringValue s ? s.value() : key.toString(),
                type(field.get("value"))));
          }
        }
        Value dyn = o.get("dynamic");
        if (dyn == null) return new BuiltinType.Obj(fields, null, null);
        ObjectValue d = object(dyn, "object.dynamic");
        return new BuiltinType.Obj(fields, type(d.get("key")), type(d.get("value")));
      }
      default: throw new IllegalArgumentException("unknown type \"" + kind + "\"");
    }
  }

  /** Writes a function declaration. */
  public static Value toJson(BuiltinType.Function f) {
    ObjectValue.Builder b = ObjectValue.builder().put("type", StringValue.of("function"));
    int fixed = f.variadic() ? f.args().size() - 1 : f.args().size();
    if (fixed > 0) {
      List<Value> args = new ArrayList<>();
      for (int i = 0; i < fixed; i++) args.add(toJson(f.args().get(i)));
      b.put("args", ArrayValue.of(args));
    }
    if (f.variadic()) b.put("variadic", toJson(f.args().get(fixed)));
    if (f.result() != null) b.put("result", toJson(f.result()));
    return b.build();
  }

  /** Writes one type. */
  public static Value toJson(BuiltinType t) {
    if (t instanceof BuiltinType.Scalar s) return kind(s.name()).build();
    if (t instanceof BuiltinType.Any a) {
      ObjectValue.Builder b = kind("any");
      if (!a.of().isEmpty()) b.put("of", all(a.of()));
      return b.build();
    }
    if (t instanceof BuiltinType.Set s) return kind("set").put("of", toJson(s.of())).build();
    if (t instanceof BuiltinType.Array a) {
      ObjectValue.Builder b = kind("array");
      if (!a.fixed().isEmpty()) b.put("static", all(a.fixed()));
      if (a.dynamic() != null) b.put("dynamic", toJson(a.dynamic()));
      return b.build();
    }
    if (t instanceof BuiltinType.Obj o) {
      ObjectValue.Builder b = kind("object");
      if (!o.fields().isEmpty()) {
        List<Value> fields = new ArrayList<>();
        for (BuiltinType.Field f : o.fields()) {
          fields.add(ObjectValue.builder().put("key", StringValue.of(f.key())).put("value", toJson(f.type())).build());
        }
        b.put("static", ArrayValue.of(fields));
      }
      if (o.key() != null) {
        b.put("dynamic", ObjectValue.builder().put("key", toJson(o.key())).put("value", toJson(o.value())).build());
      }
      return b.build();
    }
    throw new IllegalArgumentException("unknown type " + t);
  }

  private static ObjectValue.Builder kind(String name) {
    return ObjectValue.builder().put("type", StringValue.of(name));
  }

  private static ArrayValue all(List<BuiltinType> types) {
    List<Value> out = new ArrayList<>();
    for (BuiltinType t : types) out.add(toJson(t));
    return ArrayValue.of(out);
  }

  private static ObjectValue object(Value v, String what) {
    if (v instanceof ObjectValue o) return o;
    throw new IllegalArgumentException(what + " must be an object, got " + (v == null ? "nothing" : v.typeName()));
  }

  private static ArrayValue array(Value v, String what) {
    if (v instanceof ArrayValue a) return a;
    throw new IllegalArgumentException(what + " must be an array, got " + v.typeName());
  }

  private static String string(Value v, String what) {
    if (v instanceof StringValue s) return s.value();
    throw new IllegalArgumentException(what + " must be a string, got " + (v == null ? "nothing" : v.typeName()));
  }
}
