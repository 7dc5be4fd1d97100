package io.exportguard.rego.builtins;

import java.util.ArrayList;
import java.util.List;

/**
 * A declared type of a builtin's argument or result, as OPA's type checker knows it. {@link #toString()}
 * prints OPA's notation ({@code any<string, array[any]>}, {@code object[string: any]},
 * {@code array<number, string>}), which is also what {@link #parse} reads, so the catalog is written
 * in the same notation the compiler prints in {@code rego_type_error} messages.
 */
public sealed interface BuiltinType {

  /** Whether a value of type {@code other} may be passed where this type is expected (OPA's unify). */
  boolean accepts(BuiltinType other);

  /** Any value, or one of several types when {@code of} is non-empty. */
  record Any(List<BuiltinType> of) implements BuiltinType {
    public Any { of = List.copyOf(of); }
    @Override public boolean accepts(BuiltinType other) {
      if (of.isEmpty()) return true;
      if (other instanceof Any a) {
        if (a.of.isEmpty()) return true;
        for (BuiltinType t : a.of) if (accepts(t)) return true;
        return false;
      }
      for (BuiltinType t : of) if (t.accepts(other)) return true;
      return false;
    }
    @Override public String toString() {
      if (of.isEmpty()) return "any";
      StringBuilder sb = new StringBuilder("any<");
      for (int i = 0; i < of.size(); i++) sb.append(i > 0 ? ", " : "").append(of.get(i));
      return sb.append('>').toString();
    }
  }

  /** null, boolean, number or string. */
  record Scalar(String name) implements BuiltinType {
    @Override public boolean accepts(BuiltinType other) {
      if (other instanceof Scalar s) return s.name.equals(name);
      return other instanceof Any a && (a.of().isEmpty() || a.of().stream().anyMatch(this::accepts));
    }
    @Override public String toString() { return name; }
  }

  /** An array with typed leading positions ({@code array<a, b>}) and/or a dynamic element type ({@code array[t]}). */
  record Array(List<BuiltinType> fixed, BuiltinType dynamic) implements BuiltinType {
    public Array { fixed = List.copyOf(fixed); }
    @Override public boolean accepts(BuiltinType other) {
      if (other instanceof Array) return true;
      return other instanceof Any a && (a.of().isEmpty() || a.of().stream().anyMatch(this::accepts));
    }
    @Override public String toString() {
      StringBuilder sb = new StringBuilder("array");
      if (!fixed.isEmpty()) {
        sb.append('<');
        for (int i = 0; i < fixed.size(); i++) sb.append(i > 0 ? ", " : "").append(fixed.get(i));
        sb.append('>');
      }
      if (dynamic != null) sb.append('[').append(dynamic).append(']');
      return sb.toString();
    }
  }

  /** A set of elements of one type. */
  record Set(BuiltinType of) implements BuiltinType {
    @Override public boolean accepts(BuiltinType other) {
      if (other instanceof Set) return true;
      return other instanceof Any a && (a.of().isEmpty() || a.of().stream().anyMatch(this::accepts));
    }
    @Override public String toString() { return "set[" + of + "]"; }
  }

  /** One statically known object key and its type. */
  record Field(String key, BuiltinType type) {
    @Override public String toString() { return key + ": " + type; }
  }

  /** An object with known keys ({@code object<k: t>}) and/or dynamic keys ({@code object[k: v]}). */
  record Obj(List<Field> fields, BuiltinType key, BuiltinType value) implements BuiltinType {
    public Obj { fields = List.copyOf(fields); }
    @Override public boolean accepts(BuiltinType other) {
      if (other instanceof Obj) return true;
      return other instanceof Any a && (a.of().isEmpty() || a.of().stream().anyMatch(this::accepts));
    }
    @Override public String toString() {
      StringBuilder sb = new StringBuilder("object");
      if (!fields.isEmpty()) {
        sb.append('<');
        for (int i = 0; i < fields.size(); i++) sb.append(i > 0 ? ", " : "").append(fields.get(i));
        sb.append('>');
      }
      if (key != null) sb.append('[').append(key).append(": ").append(value).append(']');
      return sb.toString();
    }
  }

  /** A builtin's signature: argument types (the last repeated when variadic) and result (null: none). */
  record Function(List<BuiltinType> args, boolean variadic, BuiltinType result) {
    public Function { args = List.copyOf(args); }

    /** OPA's printed form, e.g. {@code (string, number) => boolean}. */
    @Override public String toString() {
      StringBuilder sb = new StringBuilder("(");
      for (int i = 0; i < args.size(); i++) sb.append(i > 0 ? ", " : "").append(args.get(i));
      if (variadic) sb.append("...");
      sb.append(')');
      if (result != null) sb.append(" => ").append(result);
      return sb.toString();
    }

    /** The argument list alone, as OPA prints it under "want:" in a type error. */
    public String argsString() {
      StringBuilder sb = new StringBuilder("(");
      for (int i = 0; i < args.size(); i++) sb.append(i > 0 ? ", " : "").append(args.get(i));
      if (variadic) sb.append("...");
      return sb.append(')').toString();
    }
  }

  BuiltinType ANY = new Any(List.of());
  BuiltinType NULL = new Scalar("null");
  BuiltinType BOOLEAN = new Scalar("boolean");
  BuiltinType NUMBER = new Scalar("number");
  BuiltinType STRING = new Scalar("string");

  /** The type OPA's checker gives a constant value: {@code array<number, string>}, {@code object<a: number>}. */
  static BuiltinType of(io.exportguard.rego.value.Value v) {
    if (v instanceof io.exportguard.rego.value.NullValue) return NULL;
    if (v instanceof io.exportguard.rego.value.BooleanValue) return BOOLEAN;
    if (v instanceof io.exportguard.rego.value.NumberValue) return NUMBER;
    if (v instanceof io.exportguard.rego.value.StringValue) return STRING;
    if (v instanceof io.exportguard.rego.value.ArrayValue a) {
      List<BuiltinType> items = new ArrayList<>();
      for (io.exportguard.rego.value.Value e : a.items()) items.add(of(e));
      return new Array(items, null);
    }
    if (v instanceof io.exportguard.rego.value.SetValue s) {
      List<BuiltinType> kinds = new ArrayList<>();
      for (io.exportguard.rego.value.Value e : s) {
        BuiltinType t = of(e);
        if (!kinds.contains(t)) kinds.add(t);
      }
      return new Set(kinds.isEmpty() ? ANY : kinds.size() == 1 ? kinds.get(0) : new Any(kinds));
    }
    io.exportguard.rego.value.ObjectValue o = (io.exportguard.rego.value.ObjectValue) v;
    List<Field> fields = new ArrayList<>();
    for (java.util.Map.Entry<io.exportguard.rego.value.Value, io.exportguard.rego.value.Value> e : o.entries().entrySet()) {
      String key = e.getKey() instanceof io.exportguard.rego.value.StringValue sk ? sk.value() : e.getKey().toString();
      fields.add(new Field(key, of(e.getValue())));
    }
    return new Obj(fields, null, null);
  }

  /** Parses one type in OPA's notation. */
  static BuiltinType parse(String text) {
    TypeParser p = new TypeParser(text);
    BuiltinType t = p.type();
    p.end();
    return t;
  }

  /** Parses a signature {@code (t1, t2) => r}, {@code (t...) } or {@code () => r}. */
  static Function parseFunction(String text) {
    TypeParser p = new TypeParser(text);
    p.expect('(');
    List<BuiltinType> args = new ArrayList<>();
    boolean variadic = false;
    if (!p.peekIs(')')) {
      do {
        args.add(p.type());
        if (p.tryWord("...")) variadic = true;
      } while (p.tryChar(','));
    }
    p.expect(')');
    BuiltinType result = null;
    if (p.tryWord("=>")) result = p.type();
    p.end();
    return new Function(args, variadic, result);
  }

  /** Recursive-descent reader of the notation; a malformed catalog entry is a programming error. */
  final class TypeParser {
    private final String s;
    private int i;

    TypeParser(String s) { this.s = s; }

    BuiltinType type() {
      String w = word();
      switch (w) {
        case "any": {
          if (!tryChar('<')) return ANY;
          List<BuiltinType> of = new ArrayList<>();
          do { of.add(type()); } while (tryChar(','));
          expect('>');
          return new Any(of);
        }
        case "null": return NULL;
        case "boolean": return BOOLEAN;
        case "number": return NUMBER;
        case "string": return STRING;
        case "set": {
          expect('[');
          BuiltinType of = type();
          expect(']');
          return new Set(of);
        }
        case "array": {
          List<BuiltinType> fixed = new ArrayList<>();
          if (tryChar('<')) {
            do { fixed.add(type()); } while (tryChar(','));
            expect('>');
          }
          BuiltinType dyn = null;
          if (tryChar('[')) {
            dyn = type();
            expect(']');
          }
          return new Array(fixed, dyn);
        }
        case "object": {
          List<Field> fields = new ArrayList<>();
          if (tryChar('<')) {
            do {
              String key = word();
              expect(':');
              fields.add(new Field(key, type()));
            } while (tryChar(','));
            expect('>');
          }
          BuiltinType k = null;
          BuiltinType v = null;
          if (tryChar('[')) {
            k = type();
            expect(':');
            v = type();
            expect(']');
          }
          return new Obj(fields, k, v);
        }
        default: throw new IllegalArgumentException("unknown type '" + w + "' in " + s);
      }
    }

    private String word() {
      skip();
      int start = i;
      while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
      if (start == i) throw new IllegalArgumentException("expected a type at " + i + " in " + s);
      return s.substring(start, i);
    }

    boolean tryChar(char c) {
      skip();
      if (i < s.length() && s.charAt(i) == c) { i++; return true; }
      return false;
    }

    boolean peekIs(char c) {
      skip();
      return i < s.length() && s.charAt(i) == c;
    }

    boolean tryWord(String w) {
      skip();
      if (s.startsWith(w, i)) { i += w.length(); return true; }
      return false;
    }

    void expect(char c) {
      if (!tryChar(c)) throw new IllegalArgumentException("expected '" + c + "' at " + i + " in " + s);
    }

    void end() {
      skip();
      if (i != s.length()) throw new IllegalArgumentException("trailing text at " + i + " in " + s);
    }

    private void skip() {
      while (i < s.length() && s.charAt(i) == ' ') i++;
    }
  }
}
