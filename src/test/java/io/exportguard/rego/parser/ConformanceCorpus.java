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

/** The Rego modules and queries of OPA's conformance cases in ../shared (both sets), when present. */
public final class ConformanceCorpus {
  private ConformanceCorpus() {}

  /** The case sets under ../shared/conformance. */
  public static final List<String> SETS = List.of("opa", "opa-next");

  /** The cases folder of one set, or null when it is absent. */
  public static Path dir(String set) {
    for (String root : List.of("../shared/conformance/", "/work/shared/conformance/")) {
      Path p = Path.of(root + set);
      if (Files.isDirectory(p)) return p;
    }
    return null;
  }

  /** A module or query with the case note it came from. */
  public record Source(String note, String text, boolean isQuery) {}

  /** Every module and query of every case of every set present, in file order. */
  public static List<Source> sources() {
    List<Source> out = new ArrayList<>();
    for (String set : SETS) {
      Path dir = dir(set);
      if (dir != null) out.addAll(sources(dir));
    }
    return out;
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
