package io.exportguard.rego.ast;

import java.util.List;

/**
 * A reference: a head term followed by selectors. {@code a.b[x]} is {@code [Var a, Scalar "b", Var x]}.
 * The head is usually a {@link Var} ({@code data}, {@code input}, a local, a rule or import name)
 * but may be any term ({@code [1,2][i]}, {@code f(x).y}). After compiling, references to rules
 * and imports are absolute: they start with {@code Var data} (or {@code Var input}).
 */
public record Ref(List<Term> terms, Location loc) implements Term {
  public Ref {
    terms = List.copyOf(terms);
  }

  public Term head() { return terms.get(0); }

  /** The head's name when it is a Var, else null. */
  public String headName() { return terms.get(0) instanceof Var v ? v.name() : null; }

  public int size() { return terms.size(); }

  public Term get(int i) { return terms.get(i); }

  /** True when every element after the head is a scalar (no variables or composites). */
  public boolean isGround() {
    for (int i = 1; i < terms.size(); i++) if (!(terms.get(i) instanceof Scalar)) return false;
    return true;
  }

  /** The dotted name ({@code data.a.b}, {@code internal.member_2}) when the head is a var and the rest string scalars, else null. */
  public String dottedName() {
    if (!(terms.get(0) instanceof Var v)) return null;
    StringBuilder sb = new StringBuilder(v.name());
    for (int i = 1; i < terms.size(); i++) {
      if (!(terms.get(i) instanceof Scalar s) || s.stringOrNull() == null) return null;
      sb.append('.').append(s.stringOrNull());
    }
    return sb.toString();
  }

  /** A ref of one var: {@code name}. */
  public static Ref ofVar(String name, Location loc) { return new Ref(List.of(new Var(name, loc)), loc); }

  /** A ref {@code head.s1.s2...} with string selectors. */
  public static Ref of(Location loc, String head, String... rest) {
    Term[] t = new Term[rest.length + 1];
    t[0] = new Var(head, loc);
    for (int i = 0; i < rest.length; i++) t[i + 1] = Scalar.string(rest[i], loc);
    return new Ref(List.of(t), loc);
  }

  /** This ref with more elements appended. */
  public Ref append(List<Term> more) {
    java.util.ArrayList<Term> all = new java.util.ArrayList<>(terms);
    all.addAll(more);
    return new Ref(all, loc);
  }
}
