package io.exportguard.rego.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.exportguard.rego.PolicySet;
import io.exportguard.rego.Rego;
import io.exportguard.rego.RegoException;
import io.exportguard.rego.RegoModule;
import io.exportguard.rego.conformance.CaseFiles;
import io.exportguard.rego.conformance.TestCase;
import io.exportguard.rego.value.Value;
import io.exportguard.rego.value.Values;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every policy of OPA's conformance cases, queried in ways its case does not (the whole data
 * document, every package member, a missing path): evaluation ends in results or an OPA error
 * code, never in an internal error.
 */
class WholeDocumentRobustnessTest {
  private static final Path CASES = Path.of("..", "shared", "conformance", "opa");
  private static final List<String> QUERIES = List.of("x = data", "data[a][b] = c", "x = data.nope.nope", "input = x");

  @Test
  void wholeDocumentQueriesNeverFailInternally() throws Exception {
    assumeTrue(Files.isDirectory(CASES), "OPA conformance cases not found at " + CASES.toAbsolutePath());
    List<String> internal = new ArrayList<>();
    int evaluated = 0;
    for (Path file : CaseFiles.find(CASES)) {
      for (TestCase c : CaseFiles.read(file, "x")) {
        List<RegoModule> modules = new ArrayList<>();
        for (int i = 0; i < c.modules().size(); i++) modules.add(new RegoModule("test-" + i + ".rego", c.modules().get(i)));
        PolicySet ps;
        try {
          ps = Rego.compile(modules, c.data() == null ? null : Values.fromJava(c.data()));
        } catch (RegoException e) {
          continue;
        }
        Value input = c.input() == null ? null : Values.fromJava(c.input());
        for (String q : QUERIES) {
          evaluated++;
          try {
            ps.eval(q, input);
          } catch (RegoException e) {
            if (!e.code().startsWith("eval_") || e.code().equals("eval_internal_error")) {
              internal.add(c.note() + " | " + q + " | " + e.getMessage().lines().findFirst().orElse(""));
            }
          }
        }
      }
    }
    assertThat(evaluated).isGreaterThan(1000);
    assertThat(internal).isEmpty();
  }
}
