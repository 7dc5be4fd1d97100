package io.exportguard.rego.eval;

import io.exportguard.rego.Capabilities;
import io.exportguard.rego.EvalOptions;
import io.exportguard.rego.Evaluation;
import io.exportguard.rego.PackageInfo;
import io.exportguard.rego.PolicySet;
import io.exportguard.rego.QueryResult;
import io.exportguard.rego.RegoError;
import io.exportguard.rego.RegoException;
import io.exportguard.rego.RegoModule;
import io.exportguard.rego.RegoVersion;
import io.exportguard.rego.ast.Call;
import io.exportguard.rego.ast.Module;
import io.exportguard.rego.ast.TermExpr;
import io.exportguard.rego.builtins.BuiltinDecl;
import io.exportguard.rego.builtins.BuiltinRegistry;
import io.exportguard.rego.compiler.CompiledForms;
import io.exportguard.rego.compiler.CompiledPolicy;
import io.exportguard.rego.compiler.CompiledQuery;
import io.exportguard.rego.compiler.Compiler;
import io.exportguard.rego.parser.ParseOptions;
import io.exportguard.rego.parser.Parser;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The policy set behind {@code Rego.builder()}: parsed, compiled and lowered once; queries are
 * compiled once each and cached. Every evaluation gets its own session, so any number of threads
 * may evaluate at once.
 */
public final class Engine implements PolicySet {
  private static final BuiltinRegistry STANDARD = BuiltinRegistry.standard();
  private static final int MAX_CACHED_QUERIES = 1_000;
  /** Stack reserved per nested rule/function call when a query needs a deep stack (measured ~5 KB, with margin). */
  private static final long DEEP_STACK_BYTES_PER_LEVEL = 32 * 1024;

  /** The compiled modules; from a compiled form, decoded only when first needed (see {@link #policy()}). */
  private final java.util.function.Supplier<CompiledPolicy> policy;
  private final Plan plan;
  private final Config config;
  private final List<CompiledForms.Source> sources;
  private final boolean fromCompiledForm;
  private final List<PackageInfo> packages;
  private final ConcurrentHashMap<String, QueryPlan> queries = new ConcurrentHashMap<>();

  /**
   * How a policy set is compiled and evaluated.
   *
   * @param builtins the registry calls resolve against (OPA's builtins, restricted and extended)
   * @param version the syntax of the modules
   * @param defaults the options of {@code eval(query, input)}
   * @param netForbidden no query may reach the network, whatever its options say
   * @param capabilities what the parser allows (future keywords, features), or null for everything
   * @param strict OPA's strict mode: v1's checks for every module, unused imports and assignments are errors
   */
  public record Config(BuiltinRegistry builtins, RegoVersion version, EvalOptions defaults, boolean netForbidden,
                       Capabilities capabilities, boolean strict) {
    public static final Config STANDARD_V1 = new Config(STANDARD, RegoVersion.V1, EvalOptions.DEFAULT, false);

    public Config(BuiltinRegistry builtins, RegoVersion version, EvalOptions defaults, boolean netForbidden) {
      this(builtins, version, defaults, netForbidden, null, false);
    }

    /** The parser options of a module in {@code v} (or of queries). */
    ParseOptions syntax(RegoVersion v) { return ParseOptions.of(v, capabilities); }
  }

  private Engine(CompiledPolicy policy, Plan plan, Config config, List<CompiledForms.Source> sources) {
    this(() -> policy, plan, Packages.of(policy.modules()), config, sources, false);
  }

  private Engine(java.util.function.Supplier<CompiledPolicy> policy, Plan plan, List<PackageInfo> packages, Config config,
                 List<CompiledForms.Source> sources, boolean fromCompiledForm) {
    this.fromCompiledForm = fromCompiledForm;
    this.policy = policy;
    this.plan = plan;
    this.config = config;
    this.sources = List.copyOf(sources);
    this.packages = packages;
  }

  private CompiledPolicy policy() { return policy.get(); }

  /** Every builtin of OPA 1.x this engine declares, with the implementations it has; shared, never modified. */
  public static BuiltinRegistry standardBuiltins() { return STANDARD; }

  /** {@link #compile(List, Value, Config)} with OPA's builtins, v1 syntax and the default options. */
  public static Engine compile(List<RegoModule> modules, Value data) throws RegoException {
    return compile(modules, data, Config.STANDARD_V1);
  }

  /** Parses every module (reporting all their errors together), compiles them and builds the plan. */
  public static Engine compile(List<RegoModule> modules, Value data, Config config) throws RegoException {
    return compile(modules, data, config, null);
  }

  /**
   * {@link #compile(List, Value, Config)}, loading {@code compiledForm} (from {@link #compiledForm()})
   * instead of parsing and compiling when it was made from these very modules with the same
   * strictness, and the builtins are OPA's standard ones without capabilities; otherwise, or when
   * it is null or damaged, the modules are compiled.
   */
  public static Engine compile(List<RegoModule> modules, Value data, Config config, byte[] compiledForm)
      throws RegoException {
    if (data != null && !(data instanceof ObjectValue)) {
      throw new RegoException(new RegoError("rego_compile_error", "data must be an object, got " + data.typeName(),
          null, 0, 0, null));
    }
    if (config.capabilities() != null && !config.capabilities().has("rego_v1")
        && (config.version() != RegoVersion.V0 || modules.stream().anyMatch(m -> m.version() == RegoVersion.V1))) {
      throw new RegoException(new RegoError("rego_parse_error",
          "illegal capabilities: rego_v1 feature required for parsing v1 Rego", null, 0, 0, null));
    }
    List<CompiledForms.Source> sources = new ArrayList<>(modules.size());
    // A module's own version (the built-in pack says v1) wins over the policy set's.
    for (RegoModule m : modules) {
      sources.add(new CompiledForms.Source(m.file(), m.source(), m.version() != null ? m.version() : config.version()));
    }
    Value base = data == null ? ObjectValue.EMPTY : data;
    if (compiledForm != null && config.builtins() == STANDARD && config.capabilities() == null) {
      Engine loaded = load(CompiledForms.read(compiledForm, sources, config.strict(), STANDARD), base, config, sources);
      if (loaded != null) return loaded;
    }
    List<Module> parsed = new ArrayList<>();
    List<RegoError> errors = new ArrayList<>();
    for (int i = 0; i < modules.size(); i++) {
      RegoModule m = modules.get(i);
      RegoVersion version = sources.get(i).version();
      try {
        parsed.add(Parser.parseModule(m.file(), m.source(), config.syntax(version)));
      } catch (RegoException e) {
        errors.addAll(e.errors());
      } catch (RuntimeException | StackOverflowError e) {
        errors.add(new RegoError("rego_parse_error", "internal error while parsing: " + e, m.file(), 0, 0, null));
      }
    }
    if (!errors.isEmpty()) throw new RegoException(errors);
    try {
      CompiledPolicy policy = Compiler.compile(parsed, config.builtins(), config.strict());
      return new Engine(policy, PlanBuilder.build(policy, base, config.builtins()), config, sources);
    } catch (RuntimeException | StackOverflowError e) {
      // A defect must not escape the API as an unchecked exception or a stack trace.
      throw new RegoException(new RegoError("rego_compile_error", "internal error while compiling: " + e,
          null, 0, 0, null));
    }
  }

  /**
   * The engine of a compiled form that matched its sources: its plan, packages and prepared queries
   * as stored, the compiled modules decoded when first needed; null when there is no form or its
   * plan does not read (the caller compiles).
   */
  private static Engine load(CompiledForms.Form form, Value base, Config config, List<CompiledForms.Source> sources) {
    if (form == null) return null;
    try {
      PlanCodec.Loaded p = PlanReader.read(form.bytes(), form.planFrom(), form.planTo(), base, config.builtins());
      Engine e = new Engine(form::policy, p.plan(), p.packages(), config, sources, true);
      // Queries parsed in another syntax may mean something else here: those are compiled again.
      if (p.queryVersion() == config.version()) e.queries.putAll(p.queries());
      return e;
    } catch (java.io.IOException | RuntimeException | StackOverflowError e) {
      return null;
    }
  }

  @Override
  public EvalOptions options() { return config.defaults(); }

  /** The form holds the plans of the queries prepared so far, so loading it needs no query compiled again. */
  @Override
  public byte[] compiledForm() throws java.io.IOException {
    byte[] plan = PlanWriter.write(this.plan, packages, config.version(), queries);
    return CompiledForms.write(policy(), sources, config.strict(), plan);
  }

  @Override
  public boolean fromCompiledForm() { return fromCompiledForm; }

  @Override
  public QueryResult eval(String query, Value input, EvalOptions options) throws RegoException {
    QueryPlan q = queryPlan(query);
    EvalOptions opts = options == null ? config.defaults() : options;
    if (config.netForbidden() && opts.allowNet()) opts = opts.withAllowNet(false);
    try {
      return evalOnce(q, input, opts);
    } catch (StackOverflowError onCallerStack) {
      // Evaluation is free of side effects, so a query too deep for the caller's stack is run
      // again on a thread with a stack sized for the depth bound; beyond it the bound answers.
      return evalOnDeepStack(q, input, opts);
    }
  }

  /**
   * One session and one context for every query: rule, function and comprehension values (the
   * context's memo) and the builtins' query caches carry over from one query to the next.
   */
  @Override
  public Evaluation evaluation(Value input, EvalOptions options) {
    EvalOptions given = options == null ? config.defaults() : options;
    EvalOptions opts = config.netForbidden() && given.allowNet() ? given.withAllowNet(false) : given;
    Session session = new Session(plan, opts);
    Context[] context = {new Context(input, new Context.DataOverride[0], Map.of())};
    return query -> {
      QueryPlan q = queryPlan(query);
      if (session.nextQuery()) context[0] = new Context(input, new Context.DataOverride[0], Map.of());
      try {
        return evalIn(q, session, context[0]);
      } catch (RegoException e) {
        // A failed query may have left large partial work behind in what it kept: start afresh.
        context[0] = new Context(input, new Context.DataOverride[0], Map.of());
        throw e;
      } catch (StackOverflowError onCallerStack) {
        // As in eval: again on a deep stack, in a session of its own (this one is left mid-query).
        return evalOnDeepStack(q, input, opts);
      }
    };
  }

  private QueryResult evalOnce(QueryPlan q, Value input, EvalOptions options) throws RegoException {
    return evalIn(q, new Session(plan, options), new Context(input, new Context.DataOverride[0], Map.of()));
  }

  private QueryResult evalIn(QueryPlan q, Session session, Context context) throws RegoException {
    Evaluator ev = new Evaluator(session, context);
    Value[] frame = new Value[q.slots()];
    List<QueryResult.Result> results = new ArrayList<>();
    try {
      if (q.singleTerm() != null) {
        ev.evalTerm(q.singleTerm(), frame, v -> {
          if (!q.singleMustHold() || v != BooleanValue.FALSE) results.add(result(q, frame, v));
          return false;
        });
      } else {
        ev.evalBody(q.body(), 0, frame, () -> {
          results.add(result(q, frame, null));
          return false;
        });
      }
    } catch (EvalException e) {
      throw new RegoException(withSourceLine(e.toError()));
    } catch (RuntimeException e) {
      // A defect in the engine must not escape as an unchecked exception through the API.
      throw new RegoException(new RegoError(EvalException.INTERNAL, "internal error: " + e, null, 0, 0, null));
    } catch (OutOfMemoryError e) {
      // The last line behind the budget (a heap smaller than the budget assumes): evaluation has no
      // side effects, and once this frame is left everything the query built is garbage.
      results.clear();
      throw new RegoException(new RegoError(EvalException.BUDGET, "the query ran out of memory (heap "
          + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB); lower EvalOptions.budget or give the JVM more heap",
          null, 0, 0, null));
    }
    return new QueryResult(results, session.printed);
  }

  /** One solution: each expression's value (the single term's value when given) and the bindings. */
  private static QueryResult.Result result(QueryPlan q, Value[] frame, Value singleValue) {
    QueryResult.ExpressionValue[] exprs = new QueryResult.ExpressionValue[q.texts().length];
    for (int i = 0; i < exprs.length; i++) {
      int slot = q.captureSlots()[i];
      Value v = singleValue != null ? singleValue : slot >= 0 && frame[slot] != null ? frame[slot] : BooleanValue.TRUE;
      exprs[i] = new QueryResult.ExpressionValue(v, q.texts()[i], q.lines()[i], q.columns()[i]);
    }
    Map<String, Value> b = new LinkedHashMap<>();
    for (int i = 0; i < q.resultNames().length; i++) {
      int slot = q.resultSlots()[i];
      if (slot >= 0 && frame[slot] != null) b.put(q.resultNames()[i], frame[slot]);
    }
    return new QueryResult.Result(List.of(exprs), b);
  }

  private QueryResult evalOnDeepStack(QueryPlan q, Value input, EvalOptions options) throws RegoException {
    Object[] outcome = new Object[1];
    long stack = Math.max(64L << 20, (long) options.maxDepth() * DEEP_STACK_BYTES_PER_LEVEL);
    Thread t = new Thread(null, () -> {
      try {
        outcome[0] = evalOnce(q, input, options);
      } catch (RegoException e) {
        outcome[0] = e;
      } catch (StackOverflowError e) {
        outcome[0] = new RegoException(new RegoError(EvalException.DEPTH,
            "evaluation nested too deeply (more than the stack allows); lower EvalOptions.maxDepth", null, 0, 0, null));
      }
    }, "rego-deep-eval", stack);
    t.setDaemon(true);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      t.interrupt();
      Thread.currentThread().interrupt();
      throw new RegoException(new RegoError(EvalException.CANCEL, "interrupted while evaluating", null, 0, 0, null));
    }
    if (outcome[0] instanceof RegoException e) throw e;
    return (QueryResult) outcome[0];
  }

  /** The error with the text of the line it points at, for the caret. */
  private RegoError withSourceLine(RegoError e) {
    if (e.file() == null || e.line() <= 0 || e.sourceLine() != null) return e;
    List<Module> modules;
    try {
      modules = policy().modules();
    } catch (RuntimeException undecodable) {
      return e; // a form's modules that do not decode (a defect) cost the caret, not the error
    }
    for (Module m : modules) {
      if (e.file().equals(m.file())) {
        return new RegoError(e.code(), e.message(), e.file(), e.line(), e.column(), m.sourceLine(e.line()));
      }
    }
    return e;
  }

  @Override
  public void prepare(String query) throws RegoException {
    queryPlan(query);
  }

  private QueryPlan queryPlan(String query) throws RegoException {
    QueryPlan q = queries.get(query);
    if (q != null) return q;
    try {
      q = lowerQuery(query, Parser.parseQuery(query, config.syntax(config.version())));
    } catch (RuntimeException | StackOverflowError e) {
      throw new RegoException(new RegoError("rego_compile_error", "internal error while compiling the query: " + e,
          null, 0, 0, null));
    }
    if (queries.size() < MAX_CACHED_QUERIES) queries.put(query, q);
    return q;
  }

  /**
   * Compiles and lowers a query. A query that is one plain term (or call) is evaluated as that
   * term, whose values are its results; any other is rewritten to capture each expression's value
   * ({@link QueryCapture}).
   */
  private QueryPlan lowerQuery(String text, io.exportguard.rego.ast.Body parsed) throws RegoException {
    boolean mustHold = parsed.size() > 1 || QueryCapture.iterates(parsed,
        name -> plan.builtins.lookup(name).map(BuiltinDecl::relation).orElse(false));
    boolean plainTerm = parsed.size() == 1 && parsed.exprs().get(0) instanceof TermExpr te && !te.negated()
        && te.with().isEmpty() && !(te.term() instanceof Call c && ("eq".equals(c.name()) || "assign".equals(c.name())));
    String[] captures = new String[parsed.size()];
    io.exportguard.rego.ast.Body toCompile = parsed;
    if (!plainTerm) {
      QueryCapture.Rewritten rw = QueryCapture.rewrite(parsed, this::arity, mustHold);
      toCompile = rw.body();
      captures = rw.captures();
    }
    CompiledQuery cq = policy().compileQuery(toCompile);
    Lowering low = new Lowering(plan.builtins, plan.functions);
    Body body = low.body(cq.body());
    low.closeComprehensions(List.of(), List.of(body));
    Term single = null;
    if (plainTerm && body.literals().length == 1 && body.literals()[0].expr() instanceof Expr.Truthy t) single = t.term();
    List<String> names = new ArrayList<>();
    for (String v : cq.resultVars()) if (!QueryCapture.isCapture(v)) names.add(v);
    int[] slots = new int[names.size()];
    for (int i = 0; i < slots.length; i++) slots[i] = slotOr(low, names.get(i));
    int[] captureSlots = new int[captures.length];
    for (int i = 0; i < captures.length; i++) captureSlots[i] = captures[i] == null ? -1 : slotOr(low, captures[i]);
    int[] lines = new int[parsed.size()];
    int[] columns = new int[parsed.size()];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = parsed.exprs().get(i).loc().line();
      columns[i] = parsed.exprs().get(i).loc().column();
    }
    return new QueryPlan(body, low.slotCount(), names.toArray(new String[0]), slots, single, mustHold, captureSlots,
        QueryCapture.texts(text, parsed), lines, columns);
  }

  private static int slotOr(Lowering low, String name) {
    Integer s = low.slotOf(name);
    return s == null ? -1 : s;
  }

  /** A function's arity for capturing its result: -1 when unknown, variadic or without a result. */
  private int arity(String name) {
    if (name.startsWith("data.")) {
      FunctionGroup g = plan.functions.get(name);
      return g == null ? -1 : g.arity;
    }
    BuiltinDecl d = plan.builtins.lookup(name).orElse(null);
    if (d == null || (d.type() != null && d.type().result() == null)) return -1;
    return d.arity();
  }

  @Override
  public List<PackageInfo> packages() { return packages; }

  /**
   * Where a rule's body stops holding (for test runners): the first failing expression, its text
   * and the variables bound before it, by name.
   */
  public record RuleFailure(String file, int line, int column, String text, Map<String, Value> bound) {}

  /**
   * Why the complete rule at {@code rulePath} ({@code data.pkg.rule}) is undefined, or empty when
   * that cannot be said (no such rule, its body holds, or evaluation failed).
   */
  public Optional<RuleFailure> explainUndefined(String rulePath, Value input, EvalOptions options) {
    try {
      return Explainer.explain(policy(), plan, rulePath, input, options == null ? config.defaults() : options);
    } catch (RuntimeException | StackOverflowError e) {
      return Optional.empty();
    }
  }

  /** The source text of a module by file name, as given to the compiler. */
  public Optional<String> source(String file) {
    for (Module m : policy().modules()) if (m.file() != null && m.file().equals(file)) return Optional.of(m.source());
    return Optional.empty();
  }
}
