package io.exportguard.rego.builtins;

import io.exportguard.rego.CustomBuiltin;
import io.exportguard.rego.RegoError;
import io.exportguard.rego.RegoException;
import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.NullValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns an embedder's {@link CustomBuiltin} into a registry declaration like any of OPA's: the
 * signature is parsed from OPA's type notation, each argument is checked against its declared type
 * before the implementation runs ({@code operand N must be T but got U}), and errors are named and
 * wrapped as for the standard builtins.
 */
public final class CustomBuiltins {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
  /** Builtins the evaluator handles itself; a replacement would never be called. */
  private static final java.util.Set<String> RESERVED = java.util.Set.of("eq", "assign", "print", "internal.print",
      "rego.metadata.rule", "rego.metadata.chain");

  /** Where the evaluator's own exceptions live. */
  private static final String ENGINE_PACKAGE = "io.exportguard.rego.eval";

  private CustomBuiltins() {}

  /** Parses and checks a declaration; {@link IllegalArgumentException} names what is wrong. */
  public static BuiltinType.Function signature(String name, String declaration) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("custom builtin name must be a dotted identifier, got " + name);
    }
    String head = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    if (head.equals("data") || head.equals("input") || RESERVED.contains(name)) {
      throw new IllegalArgumentException("custom builtin name " + name + " is reserved");
    }
    try {
      BuiltinType.Function f = BuiltinType.parseFunction(declaration);
      if (f.result() == null) throw new IllegalArgumentException("no result type (write '=> any' for any value)");
      return f;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("custom builtin " + name + ": bad declaration '" + declaration + "': "
          + e.getMessage(), e);
    }
  }

  /** The registry declaration of a custom builtin. */
  public static BuiltinDecl declaration(CustomBuiltin b) {
    BuiltinType.Function type = signature(b.name(), b.declaration());
    String name = b.name();
    CustomBuiltin.Implementation impl = b.implementation();
    Builtin call = (ctx, args) -> {
      for (int i = 0; i < args.size(); i++) {
        BuiltinType want = type.variadic() && i >= type.args().size() - 1
            ? type.args().get(type.args().size() - 1) : type.args().get(i);
        if (!admits(want, args.get(i))) {
          throw BuiltinException.type(name + ": " + Args.typeError(i + 1, args.get(i), kinds(want)).getMessage());
        }
      }
      try {
        return impl.call(ctx, List.copyOf(args));
      } catch (RegoException e) {
        RegoError first = e.errors().isEmpty() ? null : e.errors().get(0);
        throw BuiltinException.halt(first == null ? BuiltinException.BUILTIN_ERROR : first.code(),
            name + ": " + (first == null ? e.getMessage() : first.message()));
      } catch (BuiltinException e) {
        throw e;
      } catch (RuntimeException e) {
        // The engine's own signals (a cancelled query from checkDeadline) pass through untouched.
        if (e.getClass().getPackageName().equals(ENGINE_PACKAGE)) throw e;
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        throw BuiltinException.error(name + ": " + msg);
      }
    };
    int arity = type.variadic() ? -1 : type.args().size();
    return new BuiltinDecl(name, arity, false, false, false, call, type);
  }

  /** A registry holding everything {@code base} declares, plus (replacing same-named entries) the custom builtins. */
  public static BuiltinRegistry extend(BuiltinRegistry base, java.util.Collection<CustomBuiltin> custom) {
    BuiltinRegistry r = new BuiltinRegistry();
    base.all().values().forEach(r::put);
    for (CustomBuiltin b : custom) r.put(declaration(b));
    return r;
  }

  /** Whether a value's kind fits a declared type (containers are checked at the top level only). */
  static boolean admits(BuiltinType t, Value v) {
    if (t instanceof BuiltinType.Any a) {
      if (a.of().isEmpty()) return true;
      for (BuiltinType o : a.of()) if (admits(o, v)) return true;
      return false;
    }
    if (t instanceof BuiltinType.Scalar s) {
      return switch (s.name()) {
        case "null" -> v instanceof NullValue;
        case "boolean" -> v instanceof BooleanValue;
        case "number" -> v instanceof NumberValue;
        default -> v instanceof StringValue;
      };
    }
    if (t instanceof BuiltinType.Array) return v instanceof ArrayValue;
    if (t instanceof BuiltinType.Set) return v instanceof SetValue;
    return v instanceof ObjectValue;
  }

  /** The top-level kinds a type admits, sorted, as OPA names them in operand errors. */
  private static String[] kinds(BuiltinType t) {
    TreeSet<String> out = new TreeSet<>();
    collect(t, out);
    return out.toArray(new String[0]);
  }

  private static void collect(BuiltinType t, TreeSet<String> out) {
    if (t instanceof BuiltinType.Any a) {
      for (BuiltinType o : a.of()) collect(o, out);
    } else if (t instanceof BuiltinType.Scalar s) {
      out.add(s.name());
    } else if (t instanceof BuiltinType.Array) {
      out.add("array");
    } else if (t instanceof BuiltinType.Set) {
      out.add("set");
    } else {
      out.add("object");
    }
  }
}
