package io.exportguard.rego.builtins;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared argument checks every builtin starts with, and the registration wrapper that prefixes
 * errors with the builtin's name, as OPA does ({@code count: operand 1 must be ...}).
 * Checks throw {@link OperandError}s without the name; {@link #def} adds it.
 */
final class Args {
  private Args() {}

  /** An error raised inside a builtin before its name is known; {@link #def} prefixes the name. */
  static final class OperandError extends BuiltinException {
    private static final long serialVersionUID = 1L;

    OperandError(String code, String message) { super(code, message); }
  }

  /**
   * Registers an implementation for a cataloged builtin. The wrapper names operand errors and turns
   * any unexpected library exception into an {@code eval_builtin_error}, so none escapes the API.
   */
  static void def(BuiltinRegistry r, String name, Builtin impl) {
    int arity = r.declared(name).map(BuiltinDecl::arity).orElseThrow(
        () -> new IllegalStateException("builtin not in the catalog: " + name));
    r.register(name, arity, named(name, impl));
  }

  static Builtin named(String name, Builtin impl) {
    return (ctx, args) -> {
      try {
        return impl.call(ctx, args);
      } catch (OperandError e) {
        throw new BuiltinException(e.code(), name + ": " + e.getMessage());
      } catch (BuiltinException e) {
        throw e;
      } catch (RuntimeException e) {
        // The engine's own signals (a cancelled query from checkDeadline) pass through untouched, as
        // does StackOverflowError, which the evaluator answers by rerunning on a deeper stack.
        String pkg = e.getClass().getPackageName();
        if (pkg.startsWith("io.exportguard.") && !pkg.equals(Args.class.getPackageName())
            && !pkg.equals(io.exportguard.rego.value.Value.class.getPackageName())) {
          throw e;
        }
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        throw BuiltinException.error(name + ": " + msg);
      }
    };
  }

  // ---- errors ----

  /** {@code operand N must be T but got U} / {@code must be one of {T1, T2} but got U}. */
  static OperandError typeError(int pos, Value got, String... expected) {
    String want = expected.length == 1 ? expected[0] : "one of {" + String.join(", ", expected) + "}";
    return new OperandError(BuiltinException.TYPE_ERROR,
        "operand " + pos + " must be " + want + " but got " + got.typeName());
  }

  /** {@code operand N must be array of strings but got array containing number}. */
  static OperandError elementError(int pos, Value composite, Value got, String... expected) {
    String t = composite.typeName();
    String msg = expected.length == 1
        ? "must be " + t + " of " + expected[0] + "s but got " + t + " containing " + got.typeName()
        : "must be " + t + " of (any of) {" + String.join(", ", expected) + "} but got " + t + " containing "
            + got.typeName();
    return new OperandError(BuiltinException.TYPE_ERROR, "operand " + pos + " " + msg);
  }

  /** {@code operand N <free text>} as a type error. */
  static OperandError operand(int pos, String text) {
    return new OperandError(BuiltinException.TYPE_ERROR, "operand " + pos + " " + text);
  }

  /** A builtin error; the name is prefixed by the wrapper. */
  static OperandError fail(String message) {
    return new OperandError(BuiltinException.BUILTIN_ERROR, message);
  }

  /** A type error whose text is free-form; the name is prefixed by the wrapper. */
  static OperandError typeFail(String message) {
    return new OperandError(BuiltinException.TYPE_ERROR, message);
  }

  // ---- operand checks (pos is 1-based as in OPA's messages) ----

  static String str(List<Value> a, int pos) {
    Value v = a.get(pos - 1);
    if (v instanceof StringValue s) return s.value();
    throw typeError(pos, v, "string");
  }

  static NumberValue num(List<Value> a, int pos) {
    Value v = a.get(pos - 1);
    if (v instanceof NumberValue n) return n;
    throw typeError(pos, v, "number");
  }

  static boolean bool(List<Value> a, int pos) {
    Value v = a.get(pos - 1);
    if (v instanceof BooleanValue b) return b.value();
    throw typeError(pos, v, "boolean");
  }

  static ObjectValue obj(List<Value> a, int pos) {
    Value v = a.get(pos - 1);
    if (v instanceof ObjectValue o) return o;
    throw typeError(pos, v, "object");
  }

  static ArrayValue arr(List<Value> a, int pos) {
    Value v = a.get(pos - 1);
    if (v instanceof ArrayValue x) return x;
    throw typeError(pos, v, "array");
  }

  static SetValue set(List<Value> a, int pos) {
    Value v = a.get(pos - 1);
    if (v instanceof SetValue s) return s;
    throw typeError(pos, v, "set");
  }

  /** An integer operand in int range (OPA's IntOperand). */
  static int integer(List<Value> a, int pos) {
    NumberValue n = num(a, pos);
    if (!n.isInteger()) throw operand(pos, "must be integer number but got floating-point number");
    Integer i = n.intValueOrNull();
    if (i == null) throw operand(pos, "must be integer number but got floating-point number");
    return i;
  }

  /** An integer operand of any size (OPA's BigIntOperand). */
  static BigInteger bigInteger(List<Value> a, int pos) {
    Value v = a.get(pos - 1);
    if (!(v instanceof NumberValue n)) throw typeError(pos, v, "integer");
    if (!n.isInteger()) throw operand(pos, "must be integer number but got floating-point number");
    return toBigInteger(n.value());
  }

  /** Most integer digits a builtin expands a number to; beyond, 1e999999 would take minutes to spell out. */
  static final int MAX_INTEGER_DIGITS = 10_000;

  /** Digits before the decimal point (negative for small fractions); long, as 1e2147483647 overflows int. */
  static long integerDigits(java.math.BigDecimal d) {
    return d.signum() == 0 ? 0 : (long) d.precision() - d.scale();
  }

  /**
   * Refuses numbers beyond 10^±MAX_INTEGER_DIGITS: exact arithmetic on them (aligning 1e999999 with 1,
   * or 1e-999999 with 1) spells out that many digits and takes seconds.
   */
  static java.math.BigDecimal expandable(java.math.BigDecimal d) {
    long digits = integerDigits(d);
    if (digits > MAX_INTEGER_DIGITS) throw fail("number too large: more than " + MAX_INTEGER_DIGITS + " digits");
    if (-digits > MAX_INTEGER_DIGITS) throw fail("number too small: more than " + MAX_INTEGER_DIGITS + " decimal places");
    return d;
  }

  /** The integer part, refusing numbers too large to expand. */
  static BigInteger toBigInteger(java.math.BigDecimal d) {
    if (integerDigits(d) > MAX_INTEGER_DIGITS) throw fail("number too large: more than " + MAX_INTEGER_DIGITS + " digits");
    // Pure fractions (1e-999999) truncate to 0 without dividing by 10^scale.
    if (integerDigits(d) <= 0) return BigInteger.ZERO;
    return d.toBigInteger();
  }

  /** The elements of an array or set (in order), else a type error naming both. */
  static List<Value> collection(List<Value> a, int pos, String... expected) {
    Value v = a.get(pos - 1);
    if (v instanceof ArrayValue x) return x.items();
    if (v instanceof SetValue s) return new ArrayList<>(s.items());
    throw typeError(pos, v, expected.length == 0 ? new String[] {"array", "set"} : expected);
  }

  /** An array or set of strings (OPA's StringSliceOperand). */
  static List<String> strings(List<Value> a, int pos) {
    Value v = a.get(pos - 1);
    List<Value> items;
    if (v instanceof ArrayValue x) items = x.items();
    else if (v instanceof SetValue s) items = new ArrayList<>(s.items());
    else throw typeError(pos, v, "array", "set");
    List<String> out = new ArrayList<>(items.size());
    for (Value e : items) {
      if (!(e instanceof StringValue s)) throw elementError(pos, v, e, "string");
      out.add(s.value());
    }
    return out;
  }

  // ---- results ----

  static StringValue s(String x) { return StringValue.of(x); }

  static NumberValue n(long x) { return NumberValue.of(x); }

  static BooleanValue b(boolean x) { return BooleanValue.of(x); }
}
