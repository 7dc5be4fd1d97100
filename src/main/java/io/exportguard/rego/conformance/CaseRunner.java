package io.exportguard.rego.conformance;

import io.exportguard.rego.Capabilities;
import io.exportguard.rego.EvalOptions;
import io.exportguard.rego.PolicySet;
import io.exportguard.rego.QueryResult;
import io.exportguard.rego.Rego;
import io.exportguard.rego.RegoError;
import io.exportguard.rego.RegoException;
import io.exportguard.rego.RegoModule;
import io.exportguard.rego.RegoVersion;
import io.exportguard.rego.conformance.CaseOutcome.Status;
import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import io.exportguard.rego.value.Values;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs OPA test cases through the public API ({@link Rego#compile}, {@link PolicySet#eval}) and
 * judges them as OPA's own harness does: the result is the set of binding objects (JSON form),
 * {@code want_result: []} means undefined, error codes compare exactly and error texts as substrings.
 */
public final class CaseRunner {
  private static final Pattern UNDEFINED_FUNCTION = Pattern.compile("undefined function ([\\w.]+)");
  private static final Pattern NOT_IMPLEMENTED = Pattern.compile("([\\w.]+): not implemented");
  private static final String INPUT_TERM_VAR = "eg_input_term";

  private final Duration timeout;

  public CaseRunner(Duration timeout) { this.timeout = timeout; }

  /** Reads and runs every case under the roots; a folder name is the case file's folder relative to its root. */
  public RunReport runAll(List<Path> roots) throws IOException {
    return runAll(roots, c -> true);
  }

  /** Like {@link #runAll(List)}, running only the cases the filter accepts. */
  public RunReport runAll(List<Path> roots, java.util.function.Predicate<TestCase> filter) throws IOException {
    List<CaseOutcome> outcomes = new ArrayList<>();
    for (Path root : roots) {
      Path base = root.toFile().isDirectory() ? root : root.getParent();
      for (Path file : CaseFiles.find(root)) {
        Path rel = base == null ? file.getParent() : base.relativize(file).getParent();
        String folder = rel == null ? String.valueOf(root.getFileName()) : rel.toString().replace('\\', '/');
        for (TestCase c : CaseFiles.read(file, folder)) {
          if (filter.test(c)) outcomes.add(run(c));
        }
      }
    }
    return new RunReport(outcomes);
  }

  /** Runs one case; never throws. */
  public CaseOutcome run(TestCase c) {
    if (c.skip() != null) return new CaseOutcome(c, Status.SKIPPED, c.skip(), Set.of());
    Set<String> missing = new TreeSet<>();
    try {
      return judge(c, evaluate(c), null, missing);
    } catch (RegoException e) {
      for (RegoError err : e.errors()) noteMissingBuiltins(err.message(), missing);
      return judge(c, null, e, missing);
    } catch (StackOverflowError e) {
      return new CaseOutcome(c, Status.FAILED, "internal error: StackOverflowError", missing);
    } catch (RuntimeException e) {
      return new CaseOutcome(c, Status.FAILED, "internal error: " + oneLine(String.valueOf(e)), missing);
    }
  }

  private QueryResult evaluate(TestCase c) throws RegoException {
    List<RegoModule> modules = new ArrayList<>();
    for (int i = 0; i < c.modules().size(); i++) modules.add(new RegoModule("test-" + i + ".rego", c.modules().get(i)));
    Value data = c.data() == null ? null : Values.fromJava(c.data());
    Rego.Builder builder = Rego.builder().modules(modules).data(data)
        .regoVersion(c.v0Compatible() ? RegoVersion.V0 : RegoVersion.V1);
    if (c.capabilities() != null) {
      builder.capabilities(Capabilities.parse("capabilities", Json.write(Values.fromJava(c.capabilities()))));
    }
    PolicySet ps = builder.compile();
    EvalOptions opts = EvalOptions.DEFAULT.withTimeout(timeout).withStrictBuiltinErrors(c.strictError());
    Value input = c.input() == null ? null : Values.fromJava(c.input());
    if (c.inputTerm() != null) input = inputTerm(ps, c.inputTerm());
    return ps.eval(c.query(), input, opts);
  }

  /** The input given as a Rego term: plain JSON directly, anything else by evaluating it. */
  private static Value inputTerm(PolicySet ps, String term) throws RegoException {
    try {
      return Json.parse(term);
    } catch (Json.JsonSyntaxException e) {
      QueryResult r = ps.eval(INPUT_TERM_VAR + " = " + term, null);
      if (r.results().size() != 1) throw new IllegalArgumentException("input_term is not a single value: " + term);
      return r.results().get(0).binding(INPUT_TERM_VAR);
    }
  }

  private static CaseOutcome judge(TestCase c, QueryResult result, RegoException error, Set<String> missing) {
    String why = mismatch(c, result, error);
    return why == null ? new CaseOutcome(c, Status.PASSED, "", Set.of())
        : new CaseOutcome(c, Status.FAILED, oneLine(why), missing);
  }

  /** Why the outcome differs from the expectation, or null when it matches. */
  private static String mismatch(TestCase c, QueryResult result, RegoException error) {
    boolean wantsError = c.wantErrorCode() != null || c.wantError() != null;
    if (wantsError) {
      if (error == null) {
        return "want error " + describeWantedError(c) + ", got " + (result.defined() ? result.results().size() + " result(s)" : "undefined");
      }
      if (c.wantErrorCode() != null && !c.wantErrorCode().equals(error.code())) {
        return "want error code " + c.wantErrorCode() + ", got " + firstError(error);
      }
      if (c.wantError() != null && errorTexts(error).stream().noneMatch(t -> t.contains(c.wantError()))) {
        return "want error containing '" + c.wantError() + "', got " + firstError(error);
      }
      return null;
    }
    if (error != null) return "unexpected error: " + firstError(error);
    if (c.wantDefined() != null && c.wantDefined() != result.defined()) {
      return "want " + (c.wantDefined() ? "defined" : "undefined") + ", got " + (result.defined() ? "defined" : "undefined");
    }
    if (c.wantResult() != null) {
      Set<Value> want = new HashSet<>();
      for (Map<String, Object> b : c.wantResult()) want.add(normalise(Values.fromJava(b), c.sortBindings()));
      Set<Value> got = new HashSet<>();
      for (QueryResult.Result r : result.results()) got.add(normalise(bindingObject(r.bindings()), c.sortBindings()));
      if (!want.equals(got)) {
        if (want.isEmpty()) return "want undefined, got " + sorted(got);
        if (got.isEmpty()) return "want " + sorted(want) + ", got undefined";
        return "want " + sorted(want) + ", got " + sorted(got);
      }
    }
    return null;
  }

  private static ObjectValue bindingObject(Map<String, Value> binding) {
    TreeMap<Value, Value> m = new TreeMap<>();
    binding.forEach((k, v) -> m.put(StringValue.of(k), v));
    return ObjectValue.wrap(m);
  }

  /** JSON form (sets become arrays, non-string keys strings), with top-level arrays sorted when asked. */
  private static Value normalise(Value bindings, boolean sortBindings) {
    Value json = Json.parse(Json.write(bindings));
    if (!sortBindings || !(json instanceof ObjectValue o)) return json;
    TreeMap<Value, Value> m = new TreeMap<>();
    for (Map.Entry<Value, Value> e : o.entries().entrySet()) {
      Value v = e.getValue();
      if (v instanceof ArrayValue a) {
        Value[] items = a.items().toArray(new Value[0]);
        Arrays.sort(items);
        v = ArrayValue.wrap(items);
      }
      m.put(e.getKey(), v);
    }
    return ObjectValue.wrap(m);
  }

  private static String sorted(Set<Value> values) { return new TreeSet<>(values).toString(); }

  private static String describeWantedError(TestCase c) {
    return c.wantErrorCode() != null ? c.wantErrorCode() + (c.wantError() != null ? " '" + c.wantError() + "'" : "")
        : "'" + c.wantError() + "'";
  }

  /** The texts an expected substring may be found in: our format and OPA's (file:line: code: message). */
  private static List<String> errorTexts(RegoException e) {
    List<String> texts = new ArrayList<>();
    texts.add(e.getMessage());
    for (RegoError err : e.errors()) {
      String plain = err.code() + ": " + err.message();
      texts.add(plain);
      if (err.file() != null) texts.add(err.file() + ":" + err.line() + ": " + plain);
    }
    return texts;
  }

  private static String firstError(RegoException e) {
    if (e.errors().isEmpty()) return String.valueOf(e.getMessage());
    RegoError err = e.errors().get(0);
    String loc = err.file() == null ? "" : err.file() + ":" + err.line() + ": ";
    return loc + err.code() + ": " + err.message() + (e.errors().size() > 1 ? " (+" + (e.errors().size() - 1) + " more)" : "");
  }

  private static void noteMissingBuiltins(String message, Set<String> into) {
    if (message == null) return;
    Matcher m = UNDEFINED_FUNCTION.matcher(message);
    while (m.find()) into.add(m.group(1));
    m = NOT_IMPLEMENTED.matcher(message);
    while (m.find()) into.add(m.group(1));
  }

  private static String oneLine(String s) {
    String t = s.replace('\n', ' ').replace('\r', ' ');
    return t.length() > 300 ? t.substring(0, 297) + "..." : t;
  }
}
