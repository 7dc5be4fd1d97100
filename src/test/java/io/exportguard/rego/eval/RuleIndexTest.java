package io.exportguard.rego.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.rego.builtins.BuiltinDecl;
import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleIndexTest {
  private static final Callee EQUAL = new Callee.BuiltinCallee("equal", new BuiltinDecl("equal", 2, false, false, false, null));
  private static final Term KIND = new Term.InputRef(new Term[] {new Term.Const(StringValue.of("kind"))});

  /** A definition whose first literal is {@code input.kind == value} (or {@code =} when unify). */
  private static RuleDef guarded(String name, String value, boolean unify) {
    Term c = new Term.Const(StringValue.of(value));
    Expr e = unify ? new Expr.Unify(c, KIND) : new Expr.Truthy(new Term.Call(EQUAL, new Term[] {KIND, c}));
    return def(name, new Literal(e, false, new Literal.With[0], "f", 1, 1));
  }

  private static RuleDef unguarded(String name) {
    return def(name, new Literal(new Expr.True(), false, new Literal.With[0], "f", 1, 1));
  }

  private static RuleDef def(String name, Literal first) {
    return new RuleDef(name, new Term[0], new Term.Const(StringValue.of(name)), null, false,
        new Body(new Literal[] {first}), 0, null, List.of(), "f", 1, 1);
  }

  private static List<String> names(List<RuleDef> defs) {
    List<String> out = new ArrayList<>();
    for (RuleDef d : defs) out.add(d.path());
    return out;
  }

  @Test
  void picksTheDefinitionsWhoseConstantMatchesInOriginalOrder() {
    List<RuleDef> defs = List.of(guarded("a1", "a", false), unguarded("any"), guarded("b", "b", true),
        guarded("a2", "a", true), guarded("c", "c", false));
    RuleIndex index = RuleIndex.build(defs);
    assertThat(index).isNotNull();
    assertThat(names(index.candidates(Json.parse("{\"kind\": \"a\"}")))).containsExactly("a1", "any", "a2");
    assertThat(names(index.candidates(Json.parse("{\"kind\": \"b\"}")))).containsExactly("any", "b");
    assertThat(names(index.candidates(Json.parse("{\"kind\": \"zzz\"}")))).containsExactly("any");
    assertThat(names(index.candidates(Json.parse("{}")))).containsExactly("any");
    assertThat(names(index.candidates((Value) null))).containsExactly("any");
  }

  @Test
  void fewOrUnindexableDefinitionsGetNoIndex() {
    assertThat(RuleIndex.build(List.of(guarded("a", "a", false), guarded("b", "b", false)))).isNull();
    assertThat(RuleIndex.build(List.of(unguarded("1"), unguarded("2"), unguarded("3"), unguarded("4")))).isNull();
  }
}
