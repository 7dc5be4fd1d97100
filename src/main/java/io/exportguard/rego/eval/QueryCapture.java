package io.exportguard.rego.eval;

import io.exportguard.rego.ast.ArrayTerm;
import io.exportguard.rego.ast.Body;
import io.exportguard.rego.ast.Call;
import io.exportguard.rego.ast.Expr;
import io.exportguard.rego.ast.ObjectTerm;
import io.exportguard.rego.ast.Ref;
import io.exportguard.rego.ast.SetTerm;
import io.exportguard.rego.ast.SomeIn;
import io.exportguard.rego.ast.Term;
import io.exportguard.rego.ast.TermExpr;
import io.exportguard.rego.ast.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * How a query reports each expression's value, as OPA's {@code rego} package does: before
 * compiling, a term expression {@code t} becomes {@code t = c} and a call {@code f(a)} (no output
 * argument given, result not void) becomes {@code f(a, c)}, with a fresh variable {@code c} per
 * expression. When the query has more than one expression or iterates, {@code c} must also be true
 * (appended as its own expression), so the query still fails where the plain expression would; a
 * single non-iterating expression reports its value even when it is {@code false}. Other
 * expressions (unification, assignment, {@code not}, {@code some}, {@code every}) report true.
 */
final class QueryCapture {
  private static final String PREFIX = "__eg_capture";

  private QueryCapture() {}

  /**
   * The rewritten query and, per expression of the original (source order), the variable holding
   * its value, or null when the expression reports {@code true}.
   */
  record Rewritten(Body body, String[] captures) {}

  static boolean isCapture(String var) { return var.startsWith(PREFIX); }

  /**
   * @param arity a function's arity by dotted name (builtin or {@code data.} function); -1 when
   *     unknown, variadic or void, so the call is left alone
   * @param mustHold whether captured values must also be true (see the class comment)
   */
  static Rewritten rewrite(Body query, ToIntFunction<String> arity, boolean mustHold) {
    List<Expr> out = new ArrayList<>();
    List<Expr> checks = new ArrayList<>();
    String[] captures = new String[query.size()];
    for (int i = 0; i < query.size(); i++) {
      Expr e = query.exprs().get(i);
      Term captured = e instanceof TermExpr te && !te.negated() ? capture(te.term(), arity, new Var(PREFIX + i, te.loc()))
          : null;
      if (captured == null) {
        out.add(e);
        continue;
      }
      out.add(new TermExpr(captured, false, e.with(), e.loc()));
      captures[i] = PREFIX + i;
      if (mustHold) checks.add(new TermExpr(new Var(PREFIX + i, e.loc()), false, List.of(), e.loc()));
    }
    out.addAll(checks);
    return new Rewritten(new Body(out, query.loc()), captures);
  }

  /** The term rewritten to bind its value to {@code into}, or null when it reports true. */
  private static Term capture(Term t, ToIntFunction<String> arity, Var into) {
    if (!(t instanceof Call c)) return Call.of("eq", List.of(t, into), t.loc());
    String name = c.name();
    if (name == null || name.equals("eq") || name.equals("assign")) return null;
    int n = arity.applyAsInt(name);
    if (n < 0 || c.args().size() != n) return null;
    List<Term> args = new ArrayList<>(c.args());
    args.add(into);
    return new Call(c.operator(), args, c.loc());
  }

  /**
   * Whether the query may yield several results: a ref selects with a variable ({@code xs[i]},
   * {@code xs[_]}), or a relation builtin ({@code walk}) is called, outside comprehensions.
   */
  static boolean iterates(Body query, Predicate<String> relation) {
    for (Expr e : query.exprs()) {
      if (e instanceof TermExpr te && iterates(te.term(), relation)) return true;
      if (e instanceof SomeIn s && iterates(s.collection(), relation)) return true;
    }
    return false;
  }

  private static boolean iterates(Term t, Predicate<String> relation) {
    if (t instanceof Ref r) {
      for (int i = 0; i < r.terms().size(); i++) {
        Term part = r.terms().get(i);
        if (i > 0 && part instanceof Var) return true;
        if (iterates(part, relation)) return true;
      }
      return false;
    }
    if (t instanceof Call c) {
      if (c.name() != null && relation.test(c.name())) return true;
      for (Term a : c.args()) if (iterates(a, relation)) return true;
      return false;
    }
    if (t instanceof ArrayTerm a) return a.items().stream().anyMatch(x -> iterates(x, relation));
    if (t instanceof SetTerm s) return s.items().stream().anyMatch(x -> iterates(x, relation));
    if (t instanceof ObjectTerm o) {
      return o.entries().stream().anyMatch(en -> iterates(en.key(), relation) || iterates(en.value(), relation));
    }
    return false; // scalars, variables, comprehensions (their iteration stays inside them)
  }

  /**
   * Each expression's source text: from where it starts to where the next one starts (or the
   * query ends), without the separating {@code ;}, newlines and spaces.
   */
  static String[] texts(String query, Body parsed) {
    int[] lineStarts = lineStarts(query);
    int n = parsed.size();
    int[] starts = new int[n];
    for (int i = 0; i < n; i++) starts[i] = offset(lineStarts, parsed.exprs().get(i).loc(), query.length());
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      int end = i + 1 < n ? starts[i + 1] : query.length();
      String text = starts[i] <= end ? query.substring(starts[i], end) : "";
      out[i] = stripTrailingSeparators(text);
    }
    return out;
  }

  /**
   * {@code text.replaceAll("[\\s;]+$", "")} without compiling a regex per query: the trailing run of
   * whitespace and {@code ;} goes, also when it stands before a final line terminator that is not
   * whitespace (as {@code $} allows), which is kept.
   */
  static String stripTrailingSeparators(String text) {
    int end = text.length();
    char last = end > 0 ? text.charAt(end - 1) : 0;
    boolean finalTerminator = last == '\u0085' || last == '\u2028' || last == '\u2029';
    if (finalTerminator) end--;
    int cut = end;
    while (cut > 0 && isSeparator(text.charAt(cut - 1))) cut--;
    if (cut == end) return text;
    return finalTerminator ? text.substring(0, cut) + last : text.substring(0, cut);
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == ';';
  }

  private static int[] lineStarts(String s) {
    List<Integer> starts = new ArrayList<>(List.of(0));
    for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '\n') starts.add(i + 1);
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int offset(int[] lineStarts, io.exportguard.rego.ast.Location loc, int max) {
    if (loc == null || loc.line() < 1 || loc.line() > lineStarts.length) return max;
    return Math.min(max, lineStarts[loc.line() - 1] + Math.max(loc.column(), 1) - 1);
  }
}
