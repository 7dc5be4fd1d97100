package io.exportguard.rego.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.exportguard.rego.RegoException;
import io.exportguard.rego.ast.Call;
import io.exportguard.rego.ast.Module;
import io.exportguard.rego.ast.TermExpr;
import io.exportguard.rego.ast.Var;
import io.exportguard.rego.builtins.BuiltinRegistry;
import io.exportguard.rego.parser.Parser;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Large but legal inputs: no stack overflow, no quadratic blow-up. */
class CompilerScaleTest {
  private static final BuiltinRegistry BUILTINS = BuiltinRegistry.standard();
  private static final int N = 10_000;

  @Test
  void longRuleChainsCompileAndLongCyclesAreReported() throws RegoException {
    StringBuilder sb = new StringBuilder("package x\n");
    for (int i = 0; i < N; i++) sb.append("p").append(i).append(" := p").append(i + 1).append('\n');
    String open = sb + "p" + N + " := 1\n";
    CompiledPolicy p = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> Compiler.compile(List.of(Parser.parseModule("chain.rego", open)), BUILTINS));
    assertThat(p.modules().get(0).rules()).hasSize(N + 1);

    String closed = sb + "p" + N + " := p0\n";
    assertThatThrownBy(() -> Compiler.compile(List.of(Parser.parseModule("chain.rego", closed)), BUILTINS))
        .isInstanceOfSatisfying(RegoException.class, e -> {
          assertThat(e.code()).isEqualTo("rego_recursion_error");
          assertThat(e.errors()).hasSize(10);
        });
  }

  @Test
  void longBodiesInReverseOrderAreReorderedQuickly() throws RegoException {
    StringBuilder sb = new StringBuilder("package x\np if {\n");
    for (int i = N; i > 0; i--) sb.append("  x").append(i).append(" = x").append(i - 1).append('\n');
    sb.append("  x0 = 1\n}\n");
    Module m = Parser.parseModule("body.rego", sb.toString());
    CompiledPolicy p = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Compiler.compile(List.of(m), BUILTINS));
    var body = p.modules().get(0).rules().get(0).body().exprs();
    assertThat(body).hasSize(N + 1);
    // x0 = 1 first, then x1 = x0, x2 = x1, ...
    Call first = (Call) ((TermExpr) body.get(0)).term();
    Call second = (Call) ((TermExpr) body.get(1)).term();
    assertThat(((Var) first.args().get(0)).name()).isEqualTo("x0");
    assertThat(((Var) second.args().get(0)).name()).isEqualTo("x1");
  }
}
