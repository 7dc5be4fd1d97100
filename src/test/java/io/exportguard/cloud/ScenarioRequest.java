package io.exportguard.cloud;

import io.exportguard.facts.Request;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A built-in per-code sandbox scenario and the request its first line names
 * ({@code # request: regionId=... imageId=... ossBucket=... [ossPrefix=...] [imageFormat=...] [roleName=...]}).
 */
public record ScenarioRequest(String code, Path file, Request request) {
  public static final Path DIR = Path.of("src/main/resources/scenarios");

  public static ScenarioRequest of(Path file) {
    try {
      String first = Files.readAllLines(file).get(0);
      if (!first.startsWith("# request:")) throw new IllegalStateException(file + ": no '# request:' line");
      Map<String, String> kv = new HashMap<>();
      for (String part : first.substring("# request:".length()).trim().split("\\s+")) {
        int eq = part.indexOf('=');
        kv.put(part.substring(0, eq), part.substring(eq + 1));
      }
      String name = file.getFileName().toString().replaceFirst("\\.yaml$", "");
      return new ScenarioRequest(name, file, Request.of(kv.get("regionId"), kv.get("imageId"), kv.get("ossBucket"),
          kv.get("ossPrefix"), kv.get("imageFormat"), kv.get("roleName")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every per-code scenario (demo-* excluded), sorted by code. */
  public static List<ScenarioRequest> perCode() {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().startsWith("demo-"))
          .sorted().map(ScenarioRequest::of).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The scenario name the sandbox takes. */
  public String scenario() { return code; }

  @Override
  public String toString() { return code; }
}
