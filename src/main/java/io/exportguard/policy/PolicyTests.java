package io.exportguard.policy;

import io.exportguard.rego.EvalOptions;
import io.exportguard.rego.PolicySet;
import io.exportguard.rego.RegoError;
import io.exportguard.rego.RegoException;
import io.exportguard.rego.RegoVersion;
import io.exportguard.rego.testing.TestReport;
import io.exportguard.rego.testing.TestRunner;
import io.exportguard.rego.testing.TestSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * The whole of {@code exportguard policy test}: loads the directories (or the built-in pack when
 * none is given) with their tests, runs them with the engine's test runner
 * ({@link io.exportguard.rego.testing.TestRunner}) and prints the results.
 */
public final class PolicyTests {
  private PolicyTests() {}

  /**
   * Prints the results to {@code out}; load and compile errors go to {@code err} as
   * {@code file:line:col: message}.
   *
   * @return 0 when every test passed, 1 when one failed, 2 when the policies could not be loaded
   *     or compiled or no test was found
   */
  public static int execute(List<Path> dirs, String runRegex, PrintWriter out, PrintWriter err) {
    return execute(dirs, runRegex, RegoVersion.V1, out, err);
  }

  /**
   * Like {@link #execute(List, String, PrintWriter, PrintWriter)}, reading the directories' modules
   * as {@code version} ({@code --v0-compatible}). Directories are tested together with the built-in
   * pack's library packages ({@code exportguard.lib.*}), which their policies may import.
   */
  public static int execute(List<Path> dirs, String runRegex, RegoVersion version, PrintWriter out, PrintWriter err) {
    Predicate<String> filter;
    try {
      filter = TestRunner.nameFilter(runRegex);
    } catch (IllegalArgumentException e) {
      err.println("exportguard: --run: invalid regular expression: " + e.getMessage());
      return 2;
    }
    LoadedPolicies policies;
    try {
      policies = PolicyLoader.load(new PolicyLoader.Sources(dirs, dirs.isEmpty(), List.of(), true));
      if (!dirs.isEmpty()) policies = PolicyLoader.withBuiltinLibrary(policies).withRegoVersion(version);
    } catch (PolicyLoadException e) {
      err.println("exportguard: " + e.format());
      return 2;
    }
    PolicySet compiled;
    try {
      compiled = policies.compile();
    } catch (RegoException e) {
      for (RegoError error : e.errors()) err.println("exportguard: " + error.format());
      return 2;
    }
    TestSummary summary = TestRunner.run(compiled, filter, EvalOptions.DEFAULT);
    if (summary.results().isEmpty()) {
      err.println("exportguard: no test rules (test_*) found in *_test.rego or test_*.rego files"
          + (runRegex == null ? "" : " matching --run " + runRegex));
      return 2;
    }
    TestReport.print(summary, out);
    return summary.failed() > 0 ? 1 : 0;
  }
}
