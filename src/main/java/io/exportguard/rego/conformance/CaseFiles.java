package io.exportguard.rego.conformance;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Finds OPA test-case YAML files under folders and reads their cases. */
public final class CaseFiles {
  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
      .build();

  private CaseFiles() {}

  /** Every {@code .yaml}/{@code .yml} file under root, sorted by path. */
  public static List<Path> find(Path root) throws IOException {
    if (Files.isRegularFile(root)) return List.of(root);
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted().toList();
    }
  }

  /** Reads the cases of one file; folder is the name its cases are grouped under. */
  public static List<TestCase> read(Path file, String folder) throws IOException {
    Map<String, Object> doc;
    try {
      doc = YAML.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {});
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new CaseFileException(file + ": not a test-case file: " + e.getOriginalMessage());
    }
    List<TestCase> out = new ArrayList<>();
    if (doc == null || !(doc.get("cases") instanceof List<?> cases)) {
      throw new CaseFileException(file + ": no 'cases' list");
    }
    for (Object c : cases) {
      if (!(c instanceof Map<?, ?> m)) throw new CaseFileException(file + ": a case is not a mapping");
      out.add(toCase(file, folder, m));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static TestCase toCase(Path file, String folder, Map<?, ?> m) {
    List<String> modules = new ArrayList<>();
    if (m.get("modules") instanceof List<?> l) for (Object o : l) modules.add(String.valueOf(o));
    List<Map<String, Object>> want = null;
    if (m.get("want_result") instanceof List<?> l) {
      want = new ArrayList<>();
      for (Object o : l) want.add(o instanceof Map<?, ?> mm ? (Map<String, Object>) mm : Map.of());
    }
    Object skip = m.get("skip");
    String skipReason = skip == null || Boolean.FALSE.equals(skip) ? null
        : skip instanceof String s ? s : "skip: " + skip;
    return new TestCase(folder, file, str(m.get("note")), modules, m.get("data"), m.get("input"),
        str(m.get("input_term")), str(m.get("query")), want,
        m.get("want_defined") instanceof Boolean b ? b : null,
        str(m.get("want_error_code")), str(m.get("want_error")),
        Boolean.TRUE.equals(m.get("strict_error")), Boolean.TRUE.equals(m.get("sort_bindings")), skipReason,
        Boolean.TRUE.equals(m.get("v0_compatible")), m.get("capabilities"));
  }

  private static String str(Object o) { return o == null ? null : String.valueOf(o); }

  /** A case file that cannot be read as OPA test cases. */
  public static final class CaseFileException extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    public CaseFileException(String message) { super(message, new IOException(message)); }
  }
}
