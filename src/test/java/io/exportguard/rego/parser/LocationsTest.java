package io.exportguard.rego.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.rego.RegoException;
import io.exportguard.rego.ast.ArrayCompr;
import io.exportguard.rego.ast.ArrayTerm;
import io.exportguard.rego.ast.Body;
import io.exportguard.rego.ast.Call;
import io.exportguard.rego.ast.Every;
import io.exportguard.rego.ast.Expr;
import io.exportguard.rego.ast.Module;
import io.exportguard.rego.ast.Node;
import io.exportguard.rego.ast.ObjectCompr;
import io.exportguard.rego.ast.ObjectTerm;
import io.exportguard.rego.ast.Ref;
import io.exportguard.rego.ast.Rule;
import io.exportguard.rego.ast.SetCompr;
import io.exportguard.rego.ast.SetTerm;
import io.exportguard.rego.ast.SomeDecl;
import io.exportguard.rego.ast.SomeIn;
import io.exportguard.rego.ast.Term;
import io.exportguard.rego.ast.TermExpr;
import io.exportguard.rego.ast.With;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every AST node carries its file, line and column. */
class LocationsTest {

  private static final String SOURCE = """
      package a.b

      import data.lib as l

      p contains [x, {"k": y}] if {
      \tsome x in input.xs
      \ty := {z | z := x * 2}
      \tnot q with input as {"a": [1]}
      \tevery v in [1] { v > 0 }
      \tcount({1} | set(), n)
      }

      q := v if { v := [w | w := l.f(1)][0] } else := 2
      """;

  @Test
  void everyNodeHasALocationInTheFile() throws RegoException {
    Module m = Parser.parseModule("a.rego", SOURCE);
    List<Node> nodes = new ArrayList<>();
    for (Rule r : m.rules()) collect(r, nodes);
    assertThat(nodes).hasSizeGreaterThan(60);
    int lines = (int) SOURCE.lines().count();
    for (Node n : nodes) {
      assertThat(n.loc().file()).as("file of %s", n).isEqualTo("a.rego");
      assertThat(n.loc().line()).as("line of %s", n).isBetween(1, lines);
      assertThat(n.loc().column()).as("column of %s", n).isPositive();
    }
  }

  @Test
  void locationsPointAtTheStartOfEachNode() throws RegoException {
    Module m = Parser.parseModule("a.rego", SOURCE);
    assertThat(m.pkg().loc()).hasToString("a.rego:1:1");
    assertThat(m.imports().get(0).loc()).hasToString("a.rego:3:1");
    Rule p = m.rules().get(0);
    assertThat(p.loc()).hasToString("a.rego:5:1");
    assertThat(p.key().loc()).hasToString("a.rego:5:12");
    List<Expr> body = p.body().exprs();
    assertThat(body.get(0).loc()).hasToString("a.rego:6:2");
    assertThat(((SomeIn) body.get(0)).collection().loc()).hasToString("a.rego:6:12");
    assertThat(((Call) ((TermExpr) body.get(1)).term()).args().get(1).loc()).hasToString("a.rego:7:7");
    assertThat(body.get(2).with().get(0).loc()).hasToString("a.rego:8:8");
    Rule q = m.rules().get(1);
    assertThat(q.elseRule().loc()).hasToString("a.rego:13:41");
  }

  private static void collect(Rule r, List<Node> out) {
    out.add(r);
    out.add(r.head());
    for (Term t : r.head().terms()) term(t, out);
    for (Term t : r.args()) term(t, out);
    if (r.key() != null) term(r.key(), out);
    if (r.value() != null) term(r.value(), out);
    body(r.body(), out);
    if (r.elseRule() != null) collect(r.elseRule(), out);
  }

  private static void body(Body b, List<Node> out) {
    out.add(b);
    for (Expr e : b.exprs()) {
      out.add(e);
      for (With w : e.with()) {
        out.add(w);
        term(w.target(), out);
        term(w.value(), out);
      }
      if (e instanceof TermExpr t) term(t.term(), out);
      else if (e instanceof SomeDecl s) s.vars().forEach(v -> term(v, out));
      else if (e instanceof SomeIn s) {
        if (s.key() != null) term(s.key(), out);
        term(s.value(), out);
        term(s.collection(), out);
      } else if (e instanceof Every ev) {
        term(ev.value(), out);
        term(ev.domain(), out);
        body(ev.body(), out);
      }
    }
  }

  private static void term(Term t, List<Node> out) {
    out.add(t);
    if (t instanceof Ref r) r.terms().forEach(x -> term(x, out));
    else if (t instanceof ArrayTerm a) a.items().forEach(x -> term(x, out));
    else if (t instanceof SetTerm s) s.items().forEach(x -> term(x, out));
    else if (t instanceof ObjectTerm o) o.entries().forEach(e -> { term(e.key(), out); term(e.value(), out); });
    else if (t instanceof Call c) { term(c.operator(), out); c.args().forEach(x -> term(x, out)); }
    else if (t instanceof ArrayCompr c) { term(c.head(), out); body(c.body(), out); }
    else if (t instanceof SetCompr c) { term(c.head(), out); body(c.body(), out); }
    else if (t instanceof ObjectCompr c) { term(c.key(), out); term(c.value(), out); body(c.body(), out); }
  }
}
