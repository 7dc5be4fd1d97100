package io.exportguard.rego.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exportguard.rego.EvalOptions;
import io.exportguard.rego.PackageInfo;
import io.exportguard.rego.PolicySet;
import io.exportguard.rego.QueryResult;
import io.exportguard.rego.Rego;
import io.exportguard.rego.RegoException;
import io.exportguard.rego.RegoModule;
import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The public API: results, print, cancellation, depth, threads and metadata. */
class EngineTest {

  private static PolicySet compile(String... sources) throws RegoException {
    List<RegoModule> modules = new ArrayList<>();
    for (int i = 0; i < sources.length; i++) modules.add(new RegoModule("m" + i + ".rego", sources[i]));
    return Rego.compile(modules, null);
  }

  @Test
  void singleTermQueryReportsItsValueEvenWhenFalse() throws Exception {
    PolicySet ps = compile("package t\nallow := false\n");
    QueryResult r = ps.eval("data.t.allow", null);
    assertThat(r.defined()).isTrue();
    assertThat(r.value()).isEqualTo(Json.parse("false"));
    assertThat(ps.eval("data.t.missing", null).defined()).isFalse();
  }

  @Test
  void printIsCollectedNotWritten() throws Exception {
    PolicySet ps = compile("package t\np if { print(\"hello\", input.n, input.missing, {1}) }\n");
    QueryResult r = ps.eval("data.t.p", Json.parse("{\"n\": [1, \"a\"]}"));
    assertThat(r.printed()).containsExactly("hello [1, \"a\"] <undefined> {1}");
  }

  @Test
  void printInsideFunctionsAndComprehensionsIsCollectedInOrder() throws Exception {
    PolicySet ps = compile("""
        package t
        f(x) := y if { y := x * 2; print("f", x, y) }
        p := [f(n) | some n in [1, 2]]
        """);
    QueryResult r = ps.eval("data.t.p", null);
    assertThat(r.value()).isEqualTo(Json.parse("[2, 4]"));
    assertThat(r.printed()).containsExactly("f 1 2", "f 2 4");
    assertThat(ps.eval("data.t.p", null).printed()).as("each query collects its own lines").hasSize(2);
  }

  @Test
  void aComprehensionWithoutOuterVariablesIsComputedOncePerContext() throws Exception {
    PolicySet ps = compile("""
        package t
        closed := [n | some i in [1, 2, 3]; n := count([x | some x in [1, 2]; print("closed")])]
        open := [n | some i in [1, 2, 3]; n := count([x | some x in [1, 2]; x <= i; print("open")])]
        """);
    QueryResult closed = ps.eval("data.t.closed", null);
    assertThat(closed.value()).isEqualTo(Json.parse("[2, 2, 2]"));
    assertThat(closed.printed()).hasSize(2);
    QueryResult open = ps.eval("data.t.open", null);
    assertThat(open.value()).isEqualTo(Json.parse("[1, 2, 2]"));
    assertThat(open.printed()).hasSize(5);
  }

  @Test
  void deadlineGivesCancelError() throws Exception {
    PolicySet ps = compile("package t\nr := numbers.range(1, 1000)\n"
        + "p := count([1 | some a in r; some b in r; some c in r])\n");
    assertThatThrownBy(() -> ps.eval("data.t.p", null, EvalOptions.DEFAULT.withTimeout(Duration.ofMillis(50))))
        .isInstanceOf(RegoException.class)
        .satisfies(e -> assertThat(((RegoException) e).code()).isEqualTo("eval_cancel_error"));
  }

  @Test
  void depthBoundIsAClearError() throws Exception {
    StringBuilder src = new StringBuilder("package t\np0 := 1\n");
    for (int i = 1; i <= 50; i++) src.append("p").append(i).append(" := p").append(i - 1).append(" + 1\n");
    PolicySet ps = compile(src.toString());
    assertThat(ps.eval("data.t.p50", null).value()).isEqualTo(Json.parse("51"));
    EvalOptions shallow = EvalOptions.DEFAULT.withTimeout(Duration.ofSeconds(5)).withMaxDepth(10);
    assertThatThrownBy(() -> ps.eval("data.t.p50", null, shallow))
        .isInstanceOf(RegoException.class)
        .hasMessageContaining("maximum depth");
  }

  @Test
  void chainsDeeperThanTheCallersStackStillEvaluateAndNeverOverflow() throws Exception {
    StringBuilder src = new StringBuilder("package t\nf0(x) := x\n");
    for (int i = 1; i <= 1500; i++) src.append("f").append(i).append("(x) := f").append(i - 1).append("(x + 1)\n");
    PolicySet ps = compile(src.toString());
    Object[] outcome = new Object[2];
    // A small stack forces the evaluator onto its deep-stack fallback.
    Thread t = new Thread(null, () -> {
      try {
        outcome[0] = ps.eval("data.t.f1500(0)", null).value();
        outcome[1] = ps.eval("data.t.f1500(0)", null, EvalOptions.DEFAULT.withTimeout(Duration.ofSeconds(10)).withMaxDepth(1000));
      } catch (RegoException e) {
        outcome[1] = e;
      } catch (Throwable e) {
        outcome[0] = e;
      }
    }, "small-stack", 256 * 1024);
    t.start();
    t.join();
    assertThat(outcome[0]).isEqualTo(Json.parse("1500"));
    assertThat(outcome[1]).isInstanceOf(RegoException.class);
    assertThat(((RegoException) outcome[1]).code()).isEqualTo("eval_depth_error");
  }

  @Test
  void evaluatesFromManyThreadsAtOnce() throws Exception {
    PolicySet ps = compile("package t\ndeny contains msg if { some x in input.xs; x > 2; msg := sprintf(\"%d too big\", [x]) }\n");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Value>> futures = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int n = i % 7;
        futures.add(pool.submit(() -> ps.eval("data.t.deny", Json.parse("{\"xs\": [" + n + ", 1]}"))
            .value()));
      }
      for (int i = 0; i < futures.size(); i++) {
        int n = i % 7;
        Value want = Json.parse(n > 2 ? "[\"" + n + " too big\"]" : "[]");
        assertThat(Json.parse(Json.write(futures.get(i).get()))).isEqualTo(want);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void packagesCarryTheirMetadata() throws Exception {
    PolicySet ps = compile("""
        # METADATA
        # title: Role trust
        # description: The role trusts ECS.
        # custom:
        #   id: EG-ROLE-002
        #   severity: critical
        package exportguard.role.trust

        # METADATA
        # title: deny rule
        deny contains "x" if false
        """);
    List<PackageInfo> pkgs = ps.packages();
    assertThat(pkgs).hasSize(1);
    PackageInfo p = pkgs.get(0);
    assertThat(p.path()).isEqualTo("exportguard.role.trust");
    assertThat(p.annotations()).hasSize(1);
    assertThat(p.annotations().get(0).title()).isEqualTo("Role trust");
    assertThat(p.annotations().get(0).custom()).containsEntry("id", "EG-ROLE-002");
    assertThat(p.rules()).extracting(PackageInfo.RuleInfo::name).containsExactly("deny");
    assertThat(p.rules().get(0).annotations().get(0).title()).isEqualTo("deny rule");
    assertThat(p.packageLines()).containsExactly(java.util.Map.entry(p.files().get(0), 7));
  }

  @Test
  void metadataRuleBuiltinSeesTheRuleBeingEvaluated() throws Exception {
    PolicySet ps = compile("""
        package t

        # METADATA
        # title: My rule
        # custom:
        #   severity: high
        p := rego.metadata.rule().custom.severity
        """);
    assertThat(ps.eval("data.t.p", null).value()).isEqualTo(StringValue.of("high"));
  }

  @Test
  void metadataChainRunsFromTheRuleToItsPackage() throws Exception {
    PolicySet ps = compile("""
        # METADATA
        # title: Pkg
        package a.b

        # METADATA
        # title: Rule
        p := rego.metadata.chain()
        q := rego.metadata.chain()
        """);
    assertThat(Json.write(ps.eval("data.a.b.p", null).value())).isEqualTo(
        "[{\"annotations\":{\"scope\":\"rule\",\"title\":\"Rule\"},\"path\":[\"a\",\"b\",\"p\"]},"
            + "{\"annotations\":{\"scope\":\"package\",\"title\":\"Pkg\"},\"path\":[\"a\",\"b\"]}]");
    assertThat(Json.write(ps.eval("data.a.b.q", null).value())).isEqualTo(
        "[{\"path\":[\"a\",\"b\",\"q\"]},"
            + "{\"annotations\":{\"scope\":\"package\",\"title\":\"Pkg\"},\"path\":[\"a\",\"b\"]}]");
  }

  @Test
  void evalErrorsPointAtTheLineWithACaret() throws Exception {
    PolicySet ps = compile("package t\n\np := x if {\n  some x in [1, 2]\n}\n");
    assertThatThrownBy(() -> ps.eval("data.t.p", null))
        .isInstanceOf(RegoException.class)
        .hasMessageStartingWith("m0.rego:3:")
        .hasMessageContaining("eval_conflict_error: complete rules must not produce multiple outputs")
        .hasMessageContaining("p := x if {\n^");
  }

  @Test
  void badDataAndBadQueriesAreRegoExceptions() throws Exception {
    assertThatThrownBy(() -> Rego.compile(List.of(), Json.parse("[1]")))
        .isInstanceOf(RegoException.class).hasMessageContaining("data must be an object");
    PolicySet ps = compile("package t\np := 1\n");
    assertThatThrownBy(() -> ps.eval("data.t.p = ", null)).isInstanceOf(RegoException.class)
        .satisfies(e -> assertThat(((RegoException) e).code()).isEqualTo("rego_parse_error"));
    assertThatThrownBy(() -> ps.eval("x = y", null)).isInstanceOf(RegoException.class)
        .satisfies(e -> assertThat(((RegoException) e).code()).isEqualTo("rego_unsafe_var_error"));
  }

  @Test
  void baseDataAndInputAreVisibleAndWithReplacesThemPerLiteral() throws Exception {
    PolicySet ps = Rego.compile(List.of(new RegoModule("a.rego", "package t\np := [data.cfg.n, input.n]\n")),
        Json.parse("{\"cfg\": {\"n\": 1}}"));
    assertThat(ps.eval("data.t.p", Json.parse("{\"n\": 2}")).value()).isEqualTo(Json.parse("[1, 2]"));
    assertThat(ps.eval("x := data.t.p with data.cfg.n as 3 with input.n as 4", null).results().get(0).binding("x"))
        .isEqualTo(Json.parse("[3, 4]"));
    assertThat(ps.eval("data.t.p", null).defined()).isFalse();
  }

  @Test
  void compileErrorsCarryFileAndLine() {
    assertThatThrownBy(() -> compile("package t\np := \n"))
        .isInstanceOf(RegoException.class)
        .hasMessageContaining("m0.rego:");
  }
}
