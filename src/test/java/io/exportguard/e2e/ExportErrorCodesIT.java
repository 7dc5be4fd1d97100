package io.exportguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyuncs.ecs.model.v20140526.ExportImageRequest;
import io.exportguard.cli.Cli;
import io.exportguard.cloud.ApiException;
import io.exportguard.cloud.RetryPolicy;
import io.exportguard.cloud.SandboxClients;
import io.exportguard.cloud.ScenarioRequest;
import io.exportguard.facts.Facts;
import io.exportguard.facts.FactsDocument;
import io.exportguard.facts.FactsJson;
import io.exportguard.facts.Request;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every ExportImage error code the sandbox can return: ExportImage without preflight fails
 * with that code, and preflight fails with a check whose {@code prevents} is that code (with
 * {@code --data} for the data-driven codes; MissingParameter through {@code eval --facts}).
 */
class ExportErrorCodesIT {
  /** Codes no preflight can know in advance (README): ExportImage decides them alone. */
  static final Set<String> UNKNOWABLE = Set.of("UserNotInTheWhiteList", "ExportImageFailed");
  static final Path DATA = Path.of("src/test/resources/preflight/data");

  @TempDir Path dir;

  static List<ScenarioRequest> scenarios() { return ScenarioRequest.perCode(); }

  /** The codes preflight can predict, for a request the CLI accepts (it requires --bucket). */
  static List<ScenarioRequest> preventableThroughPreflight() {
    return scenarios().stream().filter(s -> !UNKNOWABLE.contains(s.code()) && s.request().ossBucket() != null).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void exportImageWithoutPreflightFailsWithTheCode(ScenarioRequest s) {
    try (SandboxClients c = new SandboxClients(s.scenario(), RetryPolicy.NONE)) {
      Request r = s.request();
      ExportImageRequest req = new ExportImageRequest();
      req.setImageId(r.imageId());
      if (r.ossBucket() != null) req.setOSSBucket(r.ossBucket());
      if (r.ossPrefix() != null) req.setOSSPrefix(r.ossPrefix());
      req.setImageFormat(r.imageFormat());
      req.setRoleName(r.roleName());
      assertThatThrownBy(() -> c.clients.ecs("ExportImage", r.regionId(), req))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(s.code()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void preflightFailsWithACheckThatPreventsTheCode(ScenarioRequest s) throws Exception {
    DefaultPack.mustCompile();
    Path out = dir.resolve("out");
    Cli run;
    if (s.request().ossBucket() == null) {
      // The CLI requires --bucket; a request without one reaches the policies only through eval.
      Path facts = dir.resolve("facts.json");
      try (SandboxClients c = new SandboxClients(s.scenario())) {
        Facts f = c.gather(s.request());
        FactsJson.save(FactsDocument.of(f), facts);
      }
      run = Cli.run("eval", "--facts", facts.toString(), "--report", "json", "--out", out.toString());
    } else {
      run = Cli.run(preflightArgs(s, out).toArray(String[]::new));
    }
    Report report = Report.in(out);
    if (UNKNOWABLE.contains(s.code())) {
      assertThat(run.code()).as(run.err()).isZero();
      assertThat(report.verdict()).isEqualTo("pass");
      return;
    }
    assertThat(run.code()).as(run.err()).isEqualTo(1);
    assertThat(report.verdict()).isEqualTo("fail");
    assertThat(report.failedPreventing(s.code())).as("failed checks: " + report.checks("fail")).isNotEmpty();
    assertThat(report.checks("error")).isEmpty();
  }

  /**
   * Issue 9: {@code --fail-on critical} grades advisory checks only. A check that predicts the
   * scenario's ExportImage error still fails, whatever its severity, and nothing is exported.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("preventableThroughPreflight")
  void failOnCriticalNeverLetsAPredictedExportErrorThrough(ScenarioRequest s) throws Exception {
    Path out = dir.resolve("out");
    List<String> args = new ArrayList<>(preflightArgs(s, out));
    args.addAll(List.of("--fail-on", "critical", "--export"));
    Cli run = Cli.run(args.toArray(String[]::new));
    assertThat(run.code()).as(run.err()).isEqualTo(1);
    assertThat(Report.in(out).failedPreventing(s.code())).isNotEmpty();
    assertThat(run.err()).contains("verdict is fail; not exporting");
    assertThat(run.out()).doesNotContain("export started");
  }

  static List<String> preflightArgs(ScenarioRequest s, Path out) {
    Request r = s.request();
    List<String> a = new ArrayList<>(List.of("preflight", "--sandbox", s.scenario(), "--region", r.regionId(),
        "--image", r.imageId(), "--bucket", r.ossBucket(), "--format", r.imageFormat(), "--role", r.roleName(),
        "--report", "json", "--out", out.toString()));
    if (r.ossPrefix() != null) a.addAll(List.of("--prefix", r.ossPrefix()));
    Path data = DATA.resolve(s.code() + ".yaml");
    if (Files.exists(data)) a.addAll(List.of("--data", data.toString()));
    return a;
  }
}
