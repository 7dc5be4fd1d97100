package io.exportguard.rego.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.exportguard.rego.RegoException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every module and query of OPA's conformance cases parses (they are all valid Rego v1). */
class CorpusParseTest {

  @Test
  void everyConformanceModuleAndQueryParses() {
    List<ConformanceCorpus.Source> sources = ConformanceCorpus.sources();
    assumeTrue(!sources.isEmpty(), "conformance cases not present in ../shared");
    List<String> failures = new ArrayList<>();
    for (ConformanceCorpus.Source s : sources) {
      try {
        if (s.isQuery()) Parser.parseQuery(s.text());
        else Parser.parseModule("test-0.rego", s.text());
      } catch (RegoException e) {
        failures.add(s.note() + ": " + e.getMessage());
      }
    }
    assertThat(failures).isEmpty();
  }
}
