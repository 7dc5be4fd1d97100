package io.exportguard.rego.testing;

import io.exportguard.rego.EvalOptions;
import io.exportguard.rego.PackageInfo;
import io.exportguard.rego.PolicySet;
import io.exportguard.rego.QueryResult;
import io.exportguard.rego.RegoError;
import io.exportguard.rego.RegoException;
import io.exportguard.rego.builtins.RegoText;
import io.exportguard.rego.eval.Engine;
import io.exportguard.rego.testing.TestResult.Outcome;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Runs Rego unit tests as {@code opa test} does: every rule named {@code test_*} in a test file
 * ({@code *_test.rego}, or {@code test_*.rego} as OPA's own policy library names them) is one test, which passes when it evaluates to {@code true};
 * {@code todo_test_*} rules are skipped. A failing test carries its rule's source, what it printed
 * and, when its body does not hold, the first failing expression with the values bound before it
 * (worked out by the engine from the compiled rule, as {@code opa test --var-values}).
 */
public final class TestRunner {
  /** Lines of a failing rule's source kept with its result. */
  private static final int SOURCE_LINES = 14;
  private static final int MAX_VALUE_CHARS = 400;

  private TestRunner() {}

  /** Runs every test of the policy set whose full name the filter accepts; evaluation errors are {@link Outcome#ERROR}s. */
  public static TestSummary run(PolicySet policies, Predicate<String> filter, EvalOptions options) {
    List<TestResult> results = new ArrayList<>();
    for (PackageInfo pkg : policies.packages()) {
      for (PackageInfo.RuleInfo rule : testRules(pkg).values()) {
        String name = "data." + pkg.path() + "." + rule.name();
        if (!filter.test(name)) continue;
        if (rule.name().startsWith("todo_")) {
          results.add(new TestResult(name, rule.file(), rule.line(), Outcome.SKIP, "todo", List.of(), List.of(),
              List.of()));
        } else {
          results.add(runOne(policies, name, rule, options));
        }
      }
    }
    return new TestSummary(results);
  }

  /**
   * A filter over full test names from a regular expression in Go's syntax, as {@code opa test
   * --run} takes it (found anywhere in the name); null or empty accepts every test.
   *
   * @throws IllegalArgumentException the expression does not compile
   */
  public static Predicate<String> nameFilter(String regex) {
    if (regex == null || regex.isEmpty()) return n -> true;
    try {
      com.google.re2j.Pattern p = com.google.re2j.Pattern.compile(regex);
      return n -> p.matcher(n).find();
    } catch (com.google.re2j.PatternSyntaxException e) {
      throw new IllegalArgumentException(e.getDescription() + " in " + regex, e);
    }
  }

  /** The package's test rules by name (first definition wins for the location), in rule order. */
  private static Map<String, PackageInfo.RuleInfo> testRules(PackageInfo pkg) {
    Map<String, PackageInfo.RuleInfo> tests = new LinkedHashMap<>();
    for (PackageInfo.RuleInfo r : pkg.rules()) {
      boolean testFile = isTestFile(r.file());
      boolean testName = r.name().startsWith("test_") || r.name().startsWith("todo_test_");
      if (testFile && testName && !r.name().contains(".")) tests.putIfAbsent(r.name(), r);
    }
    return tests;
  }

  /** {@code *_test.rego}, or {@code test_*.rego} (the naming of OPA's policy library). */
  public static boolean isTestFile(String file) {
    if (file == null || !file.endsWith(".rego")) return false;
    String name = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
    return name.endsWith("_test.rego") || name.startsWith("test_");
  }

  private static TestResult runOne(PolicySet policies, String name, PackageInfo.RuleInfo rule, EvalOptions options) {
    QueryResult result;
    try {
      result = policies.eval(name, null, options);
    } catch (RegoException e) {
      RegoError first = e.errors().isEmpty() ? null : e.errors().get(0);
      String detail = first == null ? e.getMessage() : first.format();
      return new TestResult(name, rule.file(), rule.line(), Outcome.ERROR, detail, List.of(), List.of(),
          source(policies, rule));
    }
    Value v = result.value();
    if (BooleanValue.TRUE.equals(v)) {
      return new TestResult(name, rule.file(), rule.line(), Outcome.PASS, "", result.printed(), List.of(), List.of());
    }
    String detail = v == null ? "undefined" : "value " + v.toJson() + " (a test passes only with true)";
    List<String> explanation = v == null ? explain(policies, name, options) : List.of();
    return new TestResult(name, rule.file(), rule.line(), Outcome.FAIL, detail, result.printed(), explanation,
        source(policies, rule));
  }

  /** The first failing expression and the values bound before it, when the engine can tell. */
  private static List<String> explain(PolicySet policies, String name, EvalOptions options) {
    if (!(policies instanceof Engine engine)) return List.of();
    Optional<Engine.RuleFailure> failure = engine.explainUndefined(name, null, options);
    if (failure.isEmpty()) return List.of();
    Engine.RuleFailure f = failure.get();
    List<String> out = new ArrayList<>();
    out.add("first failing expression, line " + f.line() + ": " + f.text());
    f.bound().forEach((k, v) -> out.add("  " + k + " = " + shorten(v instanceof StringValue ? v.toJson() : RegoText.of(v))));
    return out;
  }

  private static String shorten(String s) {
    return s.length() <= MAX_VALUE_CHARS ? s : s.substring(0, MAX_VALUE_CHARS) + "... (" + s.length() + " chars)";
  }

  /** The rule's source from its head to its closing brace in column 1 (or after a one-liner), bounded. */
  private static List<String> source(PolicySet policies, PackageInfo.RuleInfo rule) {
    if (!(policies instanceof Engine engine) || rule.line() <= 0) return List.of();
    Optional<String> text = engine.source(rule.file());
    return text.map(t -> ruleSource(t.split("\n", -1), rule.line())).orElse(List.of());
  }

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
