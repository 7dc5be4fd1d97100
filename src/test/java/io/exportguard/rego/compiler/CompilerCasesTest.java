package io.exportguard.rego.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.exportguard.rego.RegoException;
import io.exportguard.rego.ast.Module;
import io.exportguard.rego.ast.Rule;
import io.exportguard.rego.ast.SExpr;
import io.exportguard.rego.builtins.BuiltinRegistry;
import io.exportguard.rego.parser.Parser;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven compiler tests from {@code rego/compiler/*.yaml}. Each case has {@code modules}
 * (compiled as {@code test-<i>.rego}) and an optional {@code query}, and expects either
 * {@code errors} ({@code file:line: code: message} each, in order) or the compiled form:
 * {@code rules} (S-expressions of every rule, one per line, all modules in order),
 * {@code query_body} and {@code result_vars}.
 */
class CompilerCasesTest {
  private static final BuiltinRegistry BUILTINS = BuiltinRegistry.standard();

  static Stream<Arguments> cases() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    Stream.Builder<Arguments> out = Stream.builder();
    for (String file : List.of("rewrites.yaml", "errors.yaml")) {
      try (InputStream in = CompilerCasesTest.class.getResourceAsStream("/rego/compiler/" + file)) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cases = (List<Map<String, Object>>) yaml.readValue(in, Map.class).get("cases");
        for (Map<String, Object> c : cases) out.add(Arguments.of(file + ": " + c.get("name"), c));
      }
    }
    return out.build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @SuppressWarnings("unchecked")
  void compiles(String name, Map<String, Object> c) throws RegoException {
    if (c.containsKey("errors")) {
      List<String> want = (List<String>) c.get("errors");
      assertThatThrownBy(() -> compile(c)).isInstanceOfSatisfying(RegoException.class, e -> {
        List<String> got = e.errors().stream()
            .map(r -> r.file() + ":" + r.line() + ": " + r.code() + ": " + r.message()).collect(Collectors.toList());
        assertThat(got).containsExactlyElementsOf(want);
      });
      return;
    }
    CompiledPolicy p = compile(c);
    if (c.containsKey("rules")) {
      List<String> got = new ArrayList<>();
      for (Module m : p.modules()) for (Rule r : m.rules()) got.add(SExpr.print(r));
      assertThat(String.join("\n", got)).isEqualTo(String.valueOf(c.get("rules")).strip());
    }
    if (c.containsKey("query_body")) {
      CompiledQuery q = p.compileQuery(Parser.parseQuery((String) c.get("query")));
      assertThat(SExpr.print(q.body())).isEqualTo(String.valueOf(c.get("query_body")).strip());
      if (c.containsKey("result_vars")) assertThat(q.resultVars()).isEqualTo(c.get("result_vars"));
    }
  }

  @SuppressWarnings("unchecked")
  private static CompiledPolicy compile(Map<String, Object> c) throws RegoException {
    List<String> sources = (List<String>) c.getOrDefault("modules", List.of());
    List<Module> modules = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) modules.add(Parser.parseModule("test-" + i + ".rego", sources.get(i)));
    CompiledPolicy p = Compiler.compile(modules, BUILTINS);
    if (c.containsKey("query") && !c.containsKey("query_body")) p.compileQuery(Parser.parseQuery((String) c.get("query")));
    return p;
  }
}
