package io.exportguard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.exportguard.facts.FactsJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The one JSON report a run wrote into its --out folder, read back. */
record Report(JsonNode json) {
  static Report in(Path out) throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      List<Path> json = files.filter(p -> p.toString().endsWith(".json")).toList();
      if (json.size() != 1) throw new AssertionError("expected one JSON report in " + out + ", found " + json);
      return new Report(FactsJson.mapper().readTree(json.get(0).toFile()));
    }
  }

  String verdict() { return json.path("summary").path("verdict").asText(); }

  List<JsonNode> checks(String status) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode c : json.path("checks")) if (status == null || c.path("status").asText().equals(status)) out.add(c);
    return out;
  }

  /** Ids of failed checks that prevent {@code code}. */
  List<String> failedPreventing(String code) {
    return checks("fail").stream().filter(c -> code.equals(c.path("prevents").asText(null)))
        .map(c -> c.path("id").asText()).toList();
  }
}
