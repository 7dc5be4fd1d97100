package io.exportguard.opa;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.cli.Cli;
import io.exportguard.cloud.SandboxClients;
import io.exportguard.cloud.ScenarioRequest;
import io.exportguard.facts.FactsDocument;
import io.exportguard.facts.FactsJson;
import io.exportguard.facts.Request;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Facts documents gathered from sandbox scenarios (a real preflight with --save-facts), for eval runs. */
public final class SavedFacts {
  static final Path DATA = Path.of("src/test/resources/preflight/data");

  private SavedFacts() {}

  /** The facts of one scenario; {@code data} is the scenario's --data file, or null. */
  record Saved(String scenario, Path facts, Path data) {}

  static Saved gather(ScenarioRequest s, Path dir) throws Exception {
    Request r = s.request();
    Path facts = dir.resolve(s.code() + ".facts.json");
    if (r.ossBucket() == null) {
      // The CLI requires --bucket; such a request is gathered directly, as ExportErrorCodesIT does.
      try (SandboxClients c = new SandboxClients(s.scenario())) {
        FactsJson.save(FactsDocument.of(c.gather(r)), facts);
      }
      return new Saved(s.code(), facts, null);
    }
    List<String> a = new ArrayList<>(List.of("preflight", "--sandbox", s.scenario(), "--region", r.regionId(),
        "--image", r.imageId(), "--bucket", r.ossBucket(), "--format", r.imageFormat(), "--role", r.roleName(),
        "--report", "json", "--out", dir.resolve("preflight-" + s.code()).toString(), "--save-facts", facts.toString()));
    if (r.ossPrefix() != null) a.addAll(List.of("--prefix", r.ossPrefix()));
    Path data = DATA.resolve(s.code() + ".yaml");
    if (Files.exists(data)) a.addAll(List.of("--data", data.toString()));
    Cli run = Cli.run(a.toArray(String[]::new));
    assertThat(facts).as(s.code() + ": " + run.err()).exists();
    return new Saved(s.code(), facts, Files.exists(data) ? data : null);
  }

  /** demo-pass's facts, for runs that only need some document. */
  public static Path demoPass(Path dir) {
    return demo("demo-pass", dir, 0);
  }

  /** demo-fail's facts (the run fails, as the scenario means it to). */
  public static Path demoFail(Path dir) {
    return demo("demo-fail", dir, 1);
  }

  private static Path demo(String scenario, Path dir, int exit) {
    Path facts = dir.resolve(scenario + ".facts.json");
    Cli run = Cli.run("preflight", "--sandbox", scenario, "--region", "cn-hangzhou", "--image", "m-bp1demo0001",
        "--bucket", "my-export-bucket", "--report", "json", "--out", dir.resolve("preflight-" + scenario).toString(),
        "--save-facts", facts.toString());
    assertThat(run.code()).as(run.err()).isEqualTo(exit);
    return facts;
  }
}
