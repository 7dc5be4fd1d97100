package io.exportguard.run;

import io.exportguard.policy.CheckEvaluation;
import io.exportguard.config.ConfigException;
import io.exportguard.config.ConfigFile;
import io.exportguard.policy.Baseline;
import io.exportguard.policy.DataKeys;
import io.exportguard.policy.LoadedPolicies;
import io.exportguard.policy.Waivers;
import io.exportguard.policy.PolicyDefinitionException;
import io.exportguard.policy.PolicyEngine;
import io.exportguard.policy.PolicyEngineFactory;
import io.exportguard.policy.PolicyLoadException;
import io.exportguard.policy.PolicyLoader;
import io.exportguard.policy.StatusRules;
import io.exportguard.policy.bundle.BundleException;
import io.exportguard.policy.bundle.BundleKey;
import io.exportguard.rego.EvalOptions;
import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.Value;
import io.exportguard.report.Report;
import io.exportguard.report.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Loads the policies and data the user chose and compiles them into the run's one
 * {@link CheckEvaluation}. Loading happens at once (a file that does not load is bad input before
 * any cloud call); compiling runs on its own thread meanwhile, since it is a good part of a run's
 * start-up, so preflight gathers facts at the same time. {@link #evaluation()} joins it. When the
 * built-in pack is all there is to load (nothing of the user's can be bad input), that thread
 * reads it too.
 */
final class PolicyCompilation implements AutoCloseable {
  private final CompletableFuture<PolicyEngine> compiling;
  /** Done before {@link #start} returns, except for the built-in pack alone, which the compile thread reads. */
  private final CompletableFuture<LoadedPolicies> loading;
  private final StatusRules rules;
  private CheckEvaluation evaluation;
  private java.util.List<TargetPipeline.Step> steps = java.util.List.of();
  private Waivers waivers;

  private PolicyCompilation(CompletableFuture<PolicyEngine> compiling, CompletableFuture<LoadedPolicies> loading,
                            StatusRules rules) {
    this.compiling = compiling;
    this.loading = loading;
    this.rules = rules;
  }

  /** Whether the run loads the built-in pack and nothing else: no policy, data or bundle of the user's. */
  private static boolean builtInPackOnly(PolicyOptions o, java.util.List<Path> policyPaths,
                                         PolicyLoader.InlineData configData) {
    return !o.noDefaultPolicies() && policyPaths.isEmpty() && o.data().isEmpty() && o.bundles().isEmpty()
        && configData == null;
  }

  /** The loaded policies (after {@link #evaluation()}, which waits for them). */
  private LoadedPolicies loaded() { return Daemons.join(loading); }

  /**
   * Checks the policy flags, loads the files and starts compiling; any problem is a {@link BadInputException}.
   * Evaluating all checks over one document may take at most {@code evalTimeout} (the run's --timeout).
   */
  static PolicyCompilation start(PolicyOptions o, RunClock clock, PolicyEngineFactory engines, Duration evalTimeout)
      throws BadInputException {
    Severity failOn = Severity.parse(o.failOn());
    if (failOn == null) {
      throw new BadInputException("--fail-on " + o.failOn() + ": expected critical, high, medium, low or info");
    }
    if (o.failOnNew() && o.baseline() == null) throw new BadInputException("--fail-on-new needs --baseline REPORT");
    ConfigFile config;
    Baseline baseline = null;
    try {
      Path found = ConfigFile.locate(o.config(), Path.of(""));
      config = found == null ? ConfigFile.none() : ConfigFile.load(found);
      if (o.baseline() != null) baseline = Baseline.load(PathFlags.named("--baseline", o.baseline()), o.failOnNew());
    } catch (ConfigException e) {
      throw new BadInputException(e.getMessage());
    } catch (PolicyLoadException e) {
      throw new BadInputException("--baseline " + e.format());
    }
    java.util.List<Path> policyPaths = new java.util.ArrayList<>(config.policies());
    policyPaths.addAll(o.policies());
    for (Path p : o.policies()) PathFlags.named("--policies", p);
    for (Path p : o.data()) PathFlags.named("--data", p);
    for (Path p : o.bundles()) PathFlags.named("--bundle", p);
    if (o.noDefaultPolicies() && policyPaths.isEmpty() && o.bundles().isEmpty()) {
      throw new BadInputException("--no-default-policies needs at least one --policies DIR or --bundle FILE");
    }
    PolicyLoader.InlineData configData = config.data() == null ? null
        : new PolicyLoader.InlineData(config.file().toString(), config.data());
    PolicyLoader.Sources sources = new PolicyLoader.Sources(policyPaths, !o.noDefaultPolicies(), o.data(), false,
        o.bundles(), verificationKey(o.verificationKey(), o.signingAlg()));
    EvalOptions eval = EvalOptions.DEFAULT.withTimeout(evalTimeout);
    EvalOptions options = clock.isFixed() ? eval.withNow(clock.now()) : eval;
    // The checks' queries are compiled here too, off the thread that gathers the facts, after the
    // engine is handed over: when the facts come first, the evaluation starts at once and compiles
    // its first queries itself while this thread compiles the last ones.
    CompletableFuture<LoadedPolicies> loading;
    CompletableFuture<PolicyEngine> compiling;
    if (builtInPackOnly(o, policyPaths, configData)) {
      // Nothing the user wrote is loaded, so nothing can be bad input: the built-in pack is read on
      // the compile thread too, and the main thread goes on to start the gathering.
      CompletableFuture<LoadedPolicies> read = new CompletableFuture<>();
      loading = read;
      compiling = Daemons.start("exportguard-compile", () -> {
        LoadedPolicies pack;
        try {
          pack = load(o, sources, configData);
        } catch (PolicyLoadException | RuntimeException | Error e) {
          read.completeExceptionally(e);
          throw e;
        }
        read.complete(pack);
        return engines.create(pack, options);
      }, PolicyEngine::prepare);
    } else {
      LoadedPolicies read;
      try {
        read = load(o, sources, configData);
      } catch (PolicyLoadException e) {
        throw new BadInputException(e.format());
      }
      loading = CompletableFuture.completedFuture(read);
      compiling = Daemons.start("exportguard-compile", () -> engines.create(read, options), PolicyEngine::prepare);
    }
    java.util.List<TargetPipeline.Step> steps = new java.util.ArrayList<>();
    StatusRules statusRules = new StatusRules(failOn, o.failOnWarn());
    Waivers waivers = config.waivers().isEmpty() ? null
        : new Waivers(config.waivers(), java.time.LocalDate.ofInstant(clock.now(), java.time.ZoneOffset.UTC),
        statusRules);
    if (waivers != null) steps.add((facts, decided) -> waivers.apply(decided));
    if (baseline != null) {
      Baseline b = baseline;
      steps.add((facts, decided) -> b.apply(decided));
    }
    PolicyCompilation c = new PolicyCompilation(compiling, loading, statusRules);
    c.steps = java.util.List.copyOf(steps);
    c.waivers = waivers;
    return c;
  }

  /** Reads the policies and data of these sources as the run's flags ask. */
  private static LoadedPolicies load(PolicyOptions o, PolicyLoader.Sources sources, PolicyLoader.InlineData configData)
      throws PolicyLoadException {
    LoadedPolicies read = PolicyLoader.load(sources, configData);
    if (!o.noDefaultPolicies()) DataKeys.check(o.data(), configData, read);
    // --v0-compatible: the user's modules are Rego v0; the built-in pack names itself v1.
    LoadedPolicies versioned = o.v0Compatible() ? read.withRegoVersion(io.exportguard.rego.RegoVersion.V0) : read;
    return o.conftestMain() ? versioned.adopting(java.util.Set.of("main")) : versioned;
  }

  /** Waits for the policies to compile; a policy that does not compile is bad input. */
  CheckEvaluation evaluation() throws BadInputException {
    if (evaluation != null) return evaluation;
    try {
      evaluation = new CheckEvaluation(compiling.get(), rules);
      return evaluation;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BadInputException("interrupted while compiling the policies");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof PolicyDefinitionException p) throw new BadInputException(p.getMessage());
      if (c instanceof PolicyLoadException p) throw new BadInputException(p.format());
      throw new IllegalStateException("compiling the policies failed", c);
    }
  }

  /**
   * What happens to each decided target before anything else (the export, the report): the
   * configuration's waivers, then the baseline comparison.
   */
  java.util.List<TargetPipeline.Step> steps() { return steps; }

  /**
   * Rules in the policies that will not run and waivers that name no loaded check, one line each
   * with the fix (after {@link #evaluation()}).
   */
  java.util.List<String> warnings() {
    PolicyEngine e = compiling.getNow(null);
    if (e == null) return java.util.List.of();
    if (waivers == null) return e.warnings();
    java.util.List<String> all = new java.util.ArrayList<>(e.warnings());
    all.addAll(waivers.unknownChecks(e.checks().stream().map(io.exportguard.policy.CheckDefinition::id).toList()));
    return all;
  }

  /**
   * A value of the merged configuration ({@code data.exportguard.config.<key>}, the pack's data with
   * {@code --data} over it) as plain Java values (maps, lists, strings, numbers), or null when unset.
   */
  Object configValue(String key) {
    Value v = loaded().data();
    for (String k : new String[] {"exportguard", "config", key}) {
      if (!(v instanceof ObjectValue o)) return null;
      v = o.get(k);
    }
    if (v == null) return null;
    try {
      return io.exportguard.facts.JsonTreeReader.readPlain(Json.write(v));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("configuration value " + key + " is not JSON", e);
    }
  }

  /** The fingerprint of the policy set, for export evidence. */
  String policiesSha256() { return loaded().sha256(); }

  /** The report's policy section: the digest and each bundle's revision, when bundles were loaded; else null. */
  Report.PolicySource source() { return source(loaded()); }

  /**
   * The policy section of a report of many targets (audit, scan), always there: such reports are merged
   * and compared across runs, and only reports decided by the same policies may be.
   */
  Report.PolicySource digest() { return described(loaded()); }

  static Report.PolicySource source(LoadedPolicies loaded) {
    return loaded.bundles().isEmpty() ? null : described(loaded);
  }

  private static Report.PolicySource described(LoadedPolicies loaded) {
    return new Report.PolicySource(loaded.sha256(), loaded.bundles().stream().map(b -> new Report.BundleRef(b.source(),
        b.manifest().revision(), b.manifest().roots(), b.signature())).toList());
  }

  /** The {@code --verification-key} (with {@code --signing-alg}) as a key, or null when none was given. */
  static BundleKey verificationKey(String key, String algorithm) throws BadInputException {
    if (key == null) return null;
    try {
      return BundleKey.load(key, algorithm, false);
    } catch (BundleException e) {
      throw new BadInputException("--verification-key " + e.getMessage());
    }
  }

  @Override
  public void close() {
    compiling.thenAccept(PolicyEngine::close);
  }
}
