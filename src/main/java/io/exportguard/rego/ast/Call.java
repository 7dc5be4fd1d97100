package io.exportguard.rego.ast;

import java.util.List;

/**
 * A function call {@code f(a, b)}, including every infix operator, which the parser maps to OPA's
 * builtin names: {@code ==} equal, {@code !=} neq, {@code <} lt, {@code <=} lte, {@code >} gt,
 * {@code >=} gte, {@code +} plus, {@code -} minus, {@code *} mul, {@code /} div, {@code %} rem,
 * {@code &} and, {@code |} or, {@code x in xs} internal.member_2, {@code k, v in xs}
 * internal.member_3, {@code :=} assign, {@code =} eq. Unary minus on a non-literal {@code -x} is
 * {@code minus(0, x)}.
 *
 * <p>The operator is a ref: {@code count}, {@code io.jwt.decode}, {@code data.pkg.f} (after compiling,
 * user functions are absolute {@code data...} refs and builtins keep their dotted name).
 * As an expression on its own, a call may carry one argument more than the function's arity: the
 * last argument is then the output, unified with the result ({@code count(xs, n)}).
 */
public record Call(Ref operator, List<Term> args, Location loc) implements Term {
  public Call {
    args = List.copyOf(args);
  }

  /** The operator's dotted name ({@code plus}, {@code data.pkg.f}), or null for an unusual operator ref. */
  public String name() { return operator.dottedName(); }

  /** A call of a builtin named by a dotted string. */
  public static Call of(String dottedName, List<Term> args, Location loc) {
    String[] parts = dottedName.split("\\.");
    String[] rest = java.util.Arrays.copyOfRange(parts, 1, parts.length);
    return new Call(Ref.of(loc, parts[0], rest), args, loc);
  }
}
