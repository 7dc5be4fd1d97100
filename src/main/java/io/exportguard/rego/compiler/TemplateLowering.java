package io.exportguard.rego.compiler;

import io.exportguard.rego.ast.ArrayTerm;
import io.exportguard.rego.ast.Body;
import io.exportguard.rego.ast.Call;
import io.exportguard.rego.ast.Rule;
import io.exportguard.rego.ast.Scalar;
import io.exportguard.rego.ast.SetCompr;
import io.exportguard.rego.ast.TemplateString;
import io.exportguard.rego.ast.Term;
import io.exportguard.rego.ast.TermExpr;
import io.exportguard.rego.ast.Var;
import io.exportguard.rego.builtins.BuiltinDecl;
import io.exportguard.rego.builtins.BuiltinRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stage 3b (after rewrite locals, OPA's RewriteTemplateStrings): every template string becomes
 * {@code internal.template_string([parts])}, each expression part a set comprehension
 * {@code {t | t = expr}} so that an undefined expression renders as {@code <undefined>} instead of
 * making the whole string undefined. An expression may only use variables the enclosing rule or
 * query binds elsewhere ({@code var x is undeclared}), and may not call a relation builtin, which
 * could give several values.
 */
final class TemplateLowering extends Transformer {
  static final String BUILTIN = "internal.template_string";

  private final Errors errors;
  private final BuiltinRegistry builtins;
  /** Variables used in the rule or query being lowered, outside its template strings. */
  private Set<String> declared = Set.of();
  private int counter;

  TemplateLowering(Errors errors, BuiltinRegistry builtins) {
    this.errors = errors;
    this.builtins = builtins;
  }

  Rule lowerRule(Rule r) {
    if (!containsTemplate(r)) return r;
    Set<String> outside = new HashSet<>();
    Collector c = new Collector(outside);
    for (Rule x = r; x != null; x = x.elseRule()) c.rule(x.withElse(null));
    declared = outside;
    return rule(r);
  }

  Body lowerQuery(Body q) {
    Set<String> outside = new HashSet<>();
    new Collector(outside).body(q);
    declared = outside;
    return body(q);
  }

  @Override
  io.exportguard.rego.ast.Ref headRef(io.exportguard.rego.ast.Ref head) {
    List<Term> ts = new ArrayList<>(head.terms());
    for (int i = 1; i < ts.size(); i++) ts.set(i, term(ts.get(i)));
    return new io.exportguard.rego.ast.Ref(ts, head.loc());
  }

  @Override
  Term template(TemplateString t) {
    if (builtins.lookup(BUILTIN).isEmpty()) {
      errors.add(Errors.COMPILE, "template-strings are not supported", t.loc());
      return t;
    }
    List<Term> items = new ArrayList<>(t.parts().size());
    if (t.parts().isEmpty()) items.add(Scalar.string("", t.loc()));
    for (TermExpr part : t.parts()) {
      if (part.term() instanceof Scalar s && part.with().isEmpty()) {
        items.add(s);
        continue;
      }
      check(part);
      TermExpr lowered = (TermExpr) expr(part);
      Var out = new Var("$ts" + counter++, part.loc());
      TermExpr capture = new TermExpr(Call.of("eq", List.of(out, lowered.term()), part.loc()), false,
          lowered.with(), part.loc());
      items.add(new SetCompr(out, new Body(List.of(capture), part.loc()), part.loc()));
    }
    return Call.of(BUILTIN, List.of(new ArrayTerm(items, t.loc())), t.loc());
  }

  private void check(TermExpr part) {
    if (part.term() instanceof Call c && c.name() != null) {
      Optional<BuiltinDecl> d = builtins.lookup(c.name());
      if (d.isPresent() && d.get().relation()) {
        errors.add(Errors.COMPILE, "illegal call to relation built-in '" + c.name() + "' that may cause multiple outputs",
            part.loc());
      }
    }
    Set<String> vs = new LinkedHashSet<>();
    Vars.shallow(part, vs);
    for (String v : vs) {
      if (!declared.contains(v)) {
        Var found = new Var(v, part.loc());
        errors.add(Errors.COMPILE, "var " + found.userName() + " is undeclared", part.loc());
      }
    }
  }

  private static boolean containsTemplate(Rule r) {
    boolean[] found = {false};
    Transformer t = new Transformer() {
      @Override
      Term template(TemplateString ts) {
        found[0] = true;
        return ts;
      }

      @Override
      io.exportguard.rego.ast.Ref headRef(io.exportguard.rego.ast.Ref head) {
        for (int i = 1; i < head.size(); i++) term(head.get(i));
        return head;
      }
    };
    for (Rule x = r; x != null && !found[0]; x = x.elseRule()) t.rule(x.withElse(null));
    return found[0];
  }

  /** Records the variables of everything but template strings. */
  private static final class Collector extends Transformer {
    private final Set<String> into;

    Collector(Set<String> into) { this.into = into; }

    @Override
    Term var(Var v) {
      into.add(v.name());
      return v;
    }

    @Override
    Term template(TemplateString t) { return t; }

    @Override
    io.exportguard.rego.ast.Ref headRef(io.exportguard.rego.ast.Ref head) {
      for (int i = 1; i < head.size(); i++) term(head.get(i));
      return head;
    }
  }
}
