package io.exportguard.rego.parser;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The Rego modules and queries of OPA's conformance cases in ../shared, when present. */
public final class ConformanceCorpus {
  private ConformanceCorpus() {}

  /** The cases folder, or null when it is absent. */
  public static Path dir() {
    for (String candidate : List.of("../shared/conformance/opa", "/work/shared/conformance/opa")) {
      Path p = Path.of(candidate);
      if (Files.isDirectory(p)) return p;
    }
    return null;
  }

  /** A module or query with the case note it came from. */
  public record Source(String note, String text, boolean isQuery) {}

  /** Every module and query of every case, in file order. */
  public static List<Source> sources() {
    Path dir = dir();
    return dir == null ? List.of() : sources(dir);
  }

  /**
   * The modules and queries of this repository's cases for the newer syntax (template strings,
   * and/or/not, keywords in refs, v0), which the shared sets do not have.
   */
  public static List<Source> languageSources() {
    return sources(Path.of("src", "test", "resources", "rego", "language"));
  }

  @SuppressWarnings("unchecked")
  private static List<Source> sources(Path dir) {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<Source> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(x -> x.toString().endsWith(".yaml")).sorted().toList()) {
        Map<String, Object> doc = yaml.readValue(f.toFile(), Map.class);
        Object cases = doc.get("cases");
        if (!(cases instanceof List<?> list)) continue;
        for (Object c : list) {
          if (!(c instanceof Map<?, ?> m)) continue;
          String note = String.valueOf(m.get("note"));
          if (m.get("modules") instanceof List<?> mods) {
            for (Object mod : mods) out.add(new Source(note, String.valueOf(mod), false));
          }
          if (m.get("query") instanceof String q) out.add(new Source(note, q, true));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
