package io.exportguard.policy;

import io.exportguard.rego.CompileOptions;
import io.exportguard.rego.EvalOptions;
import io.exportguard.rego.PackageInfo;
import io.exportguard.rego.PolicySet;
import io.exportguard.rego.QueryResult;
import io.exportguard.rego.RegoError;
import io.exportguard.rego.RegoException;
import io.exportguard.rego.RegoModule;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.Value;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Runs Rego unit tests the way {@code opa test} does: every rule named {@code test_*} in a package
 * declared in a {@code *_test.rego} file is one test, which passes when it evaluates to
 * {@code true}; {@code todo_test_*} rules are counted as skipped. A failing test shows its rule's
 * source and what it printed, so tests that {@code print} their intermediate values explain
 * themselves.
 */
public final class PolicyTestRunner {
  /** Lines of a failing rule's source shown under it. */
  private static final int SOURCE_LINES = 14;

  /** How one test ended. */
  public enum Outcome { PASS, FAIL, ERROR, SKIP }

  /**
   * One test's result.
   *
   * @param name the full rule path, {@code data.<package>.<rule>}
   * @param file file of the rule
   * @param line line of the rule's head
   * @param outcome pass, fail, error or skip
   * @param detail why it failed ("undefined", "false", "value ...") or the evaluation error
   * @param printed what the test printed
   * @param explanation for a failure: the first failing expression and the values bound before it
   */
  public record TestResult(String name, String file, int line, Outcome outcome, String detail,
                           List<String> printed, List<String> explanation) {
    public TestResult {
      printed = List.copyOf(printed);
      explanation = List.copyOf(explanation);
    }

    TestResult explained(List<String> lines) {
      return new TestResult(name, file, line, outcome, detail, printed, lines);
    }
  }

  /** All results of a run, in package then rule order. */
  public record Summary(List<TestResult> results) {
    public long count(Outcome o) { return results.stream().filter(r -> r.outcome() == o).count(); }

    public long passed() { return count(Outcome.PASS); }

    /** Failures and errors together: the M of "N passed, M failed". */
    public long failed() { return count(Outcome.FAIL) + count(Outcome.ERROR); }

    /** {@code N passed, M failed}, with {@code , K skipped} when some were. */
    public String line() {
      long skipped = count(Outcome.SKIP);
      return passed() + " passed, " + failed() + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : "");
    }
  }

  private PolicyTestRunner() {}

  /**
   * Compiles the policies (tests included) and runs every test whose full name the filter
   * accepts. Compile errors are thrown; evaluation errors become {@link Outcome#ERROR} results.
   */
  public static Summary run(LoadedPolicies policies, Predicate<String> filter, EvalOptions options)
      throws RegoException {
    return run(policies, filter, options, CompileOptions.DEFAULT);
  }

  /** Like {@link #run(LoadedPolicies, Predicate, EvalOptions)}, compiling with options (v0 compatibility). */
  public static Summary run(LoadedPolicies policies, Predicate<String> filter, EvalOptions options,
                            CompileOptions compile) throws RegoException {
    return run(policies.compile(compile), sources(policies.modules()), filter, options);
  }

  /**
   * Runs the tests of an already compiled policy set; {@code sources} (file name to text) lets a
   * failure be explained, and may be empty.
   */
  public static Summary run(PolicySet set, Map<String, String> sources, Predicate<String> filter, EvalOptions options) {
    List<TestResult> results = new ArrayList<>();
    for (PackageInfo pkg : set.packages()) {
      Set<String> ruleNames = new HashSet<>();
      pkg.rules().forEach(r -> ruleNames.add(r.name()));
      for (PackageInfo.RuleInfo rule : testRules(pkg).values()) {
        String name = "data." + pkg.path() + "." + rule.name();
        if (!filter.test(name)) continue;
        if (rule.name().startsWith("todo_")) {
          results.add(new TestResult(name, rule.file(), rule.line(), Outcome.SKIP, "todo", List.of(), List.of()));
          continue;
        }
        TestResult r = runOne(set, name, rule, options);
        String source = sources.get(rule.file());
        if (r.outcome() == Outcome.FAIL && source != null) {
          r = r.explained(FailureExplainer.explain(set, source, rule.line(), pkg.path(), ruleNames));
        }
        results.add(r);
      }
    }
    return new Summary(results);
  }

  /** The package's test rules by name (first definition wins for the location), in rule order. */
  private static Map<String, PackageInfo.RuleInfo> testRules(PackageInfo pkg) {
    Map<String, PackageInfo.RuleInfo> tests = new LinkedHashMap<>();
    for (PackageInfo.RuleInfo r : pkg.rules()) {
      boolean testFile = r.file() != null && r.file().endsWith("_test.rego");
      boolean testName = r.name().startsWith("test_") || r.name().startsWith("todo_test_");
      if (testFile && testName && !r.name().contains(".")) tests.putIfAbsent(r.name(), r);
    }
    return tests;
  }

  private static TestResult runOne(PolicySet set, String name, PackageInfo.RuleInfo rule, EvalOptions options) {
    try {
      QueryResult result = set.eval(name, null, options);
      if (!result.defined()) {
        return new TestResult(name, rule.file(), rule.line(), Outcome.FAIL, "undefined", result.printed(), List.of());
      }
      Value v = result.bindings().get(0).get("x");
      if (BooleanValue.TRUE.equals(v)) {
        return new TestResult(name, rule.file(), rule.line(), Outcome.PASS, "", result.printed(), List.of());
      }
      String detail = v == null ? "no value" : "value " + v.toJson() + " (a test passes only with true)";
      return new TestResult(name, rule.file(), rule.line(), Outcome.FAIL, detail, result.printed(), List.of());
    } catch (RegoException e) {
      RegoError first = e.errors().isEmpty() ? null : e.errors().get(0);
      String detail = first == null ? e.getMessage() : first.format();
      return new TestResult(name, rule.file(), rule.line(), Outcome.ERROR, detail, List.of(), List.of());
    }
  }

  /**
   * The whole of {@code exportguard policy test}: loads the directories (or the built-in pack when
   * none is given) with their tests, runs them and prints the results to {@code out}; load and
   * compile errors go to {@code err} as {@code file:line:col: message}.
   *
   * @return 0 when every test passed, 1 when one failed, 2 when the policies could not be loaded
   *     or compiled or no test was found
   */
  public static int execute(List<java.nio.file.Path> dirs, String runRegex, PrintWriter out, PrintWriter err) {
    return execute(dirs, runRegex, CompileOptions.DEFAULT, out, err);
  }

  /**
   * Like {@link #execute(List, String, PrintWriter, PrintWriter)}, compiling with options
   * ({@code --v0-compatible}). Directories given are tested together with the built-in pack's
   * library packages ({@code exportguard.lib.*}), which their policies may import.
   */
  public static int execute(List<java.nio.file.Path> dirs, String runRegex, CompileOptions compile, PrintWriter out,
                            PrintWriter err) {
    Predicate<String> filter;
    try {
      filter = filter(runRegex);
    } catch (java.util.regex.PatternSyntaxException e) {
      err.println("exportguard: --run: invalid regular expression: " + e.getDescription());
      return 2;
    }
    LoadedPolicies policies;
    try {
      policies = PolicyLoader.load(new PolicyLoader.Sources(dirs, dirs.isEmpty(), List.of(), true));
      if (!dirs.isEmpty()) policies = PolicyLoader.withBuiltinLibrary(policies);
    } catch (PolicyLoadException e) {
      err.println("exportguard: " + e.format());
      return 2;
    }
    Summary summary;
    try {
      summary = run(policies, filter, EvalOptions.DEFAULT, compile);
    } catch (RegoException e) {
      for (RegoError error : e.errors()) err.println("exportguard: " + error.format());
      return 2;
    }
    if (summary.results().isEmpty()) {
      err.println("exportguard: no test rules (test_*) found in *_test.rego files"
          + (runRegex == null ? "" : " matching --run " + runRegex));
      return 2;
    }
    print(summary, sources(policies.modules()), out);
    return summary.failed() > 0 ? 1 : 0;
  }

  /** A filter from an optional regular expression over full test names (null: every test). */
  public static Predicate<String> filter(String regex) {
    if (regex == null || regex.isEmpty()) return n -> true;
    Pattern p = Pattern.compile(regex);
    return n -> p.matcher(n).find();
  }

  /**
   * Prints one line per test ({@code PASS}, {@code FAIL}, {@code ERROR}, {@code SKIP}); under each
   * failure its location, why, what it printed and its source; then a rule and the summary line.
   */
  public static void print(Summary summary, Map<String, String> sources, PrintWriter out) {
    for (TestResult r : summary.results()) {
      out.printf("%-5s %s%n", r.outcome(), r.name());
      if (r.outcome() != Outcome.FAIL && r.outcome() != Outcome.ERROR) continue;
      out.printf("      at %s:%d%n", r.file(), r.line());
      for (String d : r.detail().split("\n")) out.println("      " + d);
      for (String e : r.explanation()) out.println("      " + e);
      for (String p : r.printed()) out.println("      print: " + p);
      String source = sources.get(r.file());
      if (source != null && r.line() > 0) {
        for (String s : ruleSource(source.split("\n", -1), r.line())) out.println("      | " + s);
      }
    }
    out.println("-".repeat(80));
    out.println(summary.line());
    out.flush();
  }

  /** File name to source text. */
  public static Map<String, String> sources(List<RegoModule> modules) {
    Map<String, String> sources = new HashMap<>();
    for (RegoModule m : modules) sources.put(m.file(), m.source());
    return sources;
  }

  /** The rule starting at the 1-based line: up to its closing brace in column 0, bounded. */
  static List<String> ruleSource(String[] lines, int line) {
    List<String> out = new ArrayList<>();
    for (int i = line - 1; i < lines.length && out.size() < SOURCE_LINES; i++) {
      out.add(lines[i].replace("\t", "    "));
      boolean closes = lines[i].startsWith("}");
      boolean oneLiner = i == line - 1 && !lines[i].stripTrailing().endsWith("{");
      if (closes || oneLiner) return out;
    }
    if (line - 1 + out.size() < lines.length) out.add("...");
    return out;
  }
}
