package io.exportguard.rego.eval;

import io.exportguard.rego.CompileOptions;
import io.exportguard.rego.EvalOptions;
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
import io.exportguard.rego.builtins.BuiltinRegistry;
import io.exportguard.rego.compiler.CompiledPolicy;
import io.exportguard.rego.compiler.CompiledQuery;
import io.exportguard.rego.compiler.Compiler;
import io.exportguard.rego.parser.ParseOptions;
import io.exportguard.rego.parser.Parser;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The policy set behind {@code Rego.compile}: parsed, compiled and lowered once; queries are
 * compiled once each and cached. Every evaluation gets its own session, so any number of threads
 * may evaluate at once.
 */
public final class Engine implements PolicySet {
  private static final BuiltinRegistry STANDARD = BuiltinRegistry.standard();
  private static final int MAX_CACHED_QUERIES = 1_000;
  /** Stack reserved per nested rule/function call when a query needs a deep stack (measured ~5 KB, with margin). */
  private static final long DEEP_STACK_BYTES_PER_LEVEL = 32 * 1024;

  private final CompiledPolicy policy;
  private final Plan plan;
  private final List<PackageInfo> packages;
  private final BuiltinRegistry builtins;
  private final ParseOptions queryOptions;
  private final ConcurrentHashMap<String, QueryPlan> queries = new ConcurrentHashMap<>();

  private Engine(CompiledPolicy policy, Plan plan, BuiltinRegistry builtins, ParseOptions queryOptions) {
    this.policy = policy;
    this.plan = plan;
    this.builtins = builtins;
    this.queryOptions = queryOptions;
    this.packages = Packages.of(policy.modules());
  }

  /** Parses every module (reporting all their errors together), compiles them and builds the plan. */
  public static Engine compile(List<RegoModule> modules, Value data) throws RegoException {
    return compile(modules, data, CompileOptions.DEFAULT);
  }

  /** Like {@link #compile(List, Value)}: modules in the options' Rego version, with its capabilities. */
  public static Engine compile(List<RegoModule> modules, Value data, CompileOptions options) throws RegoException {
    if (data != null && !(data instanceof ObjectValue)) {
      throw new RegoException(new RegoError("rego_compile_error", "data must be an object, got " + data.typeName(),
          null, 0, 0, null));
    }
    BuiltinRegistry builtins = options.capabilities() == null ? STANDARD : options.capabilities().registry(STANDARD);
    List<Module> parsed = parseAll(modules, options);
    try {
      CompiledPolicy policy = Compiler.compile(parsed, builtins, options.strict());
      return new Engine(policy, PlanBuilder.build(policy, data == null ? ObjectValue.EMPTY : data, builtins), builtins,
          ParseOptions.of(options.regoVersion(), options.capabilities()));
    } catch (RuntimeException | StackOverflowError e) {
      // A defect must not escape the API as an unchecked exception or a stack trace.
      throw new RegoException(new RegoError("rego_compile_error", "internal error while compiling: " + e,
          null, 0, 0, null));
    }
  }

  /**
   * Parses every module in its own Rego version (or the options' default), reporting the errors of
   * all of them together.
   */
  public static List<Module> parseAll(List<RegoModule> modules, CompileOptions options) throws RegoException {
    if (options.capabilities() != null && !options.capabilities().has("rego_v1")
        && (options.regoVersion() != RegoVersion.V0 || modules.stream().anyMatch(m -> m.version() == RegoVersion.V1))) {
      throw new RegoException(new RegoError("rego_parse_error",
          "illegal capabilities: rego_v1 feature required for parsing v1 Rego", null, 0, 0, null));
    }
    List<Module> parsed = new ArrayList<>();
    List<RegoError> errors = new ArrayList<>();
    for (RegoModule m : modules) {
      RegoVersion version = m.version() != null ? m.version() : options.regoVersion();
      try {
        parsed.add(Parser.parseModule(m.file(), m.source(), ParseOptions.of(version, options.capabilities())));
      } catch (RegoException e) {
        errors.addAll(e.errors());
      } catch (RuntimeException | StackOverflowError e) {
        errors.add(new RegoError("rego_parse_error", "internal error while parsing: " + e, m.file(), 0, 0, null));
      }
    }
    if (!errors.isEmpty()) throw new RegoException(errors);
    return parsed;
  }

  @Override
  public QueryResult eval(String query, Value input, EvalOptions options) throws RegoException {
    QueryPlan q = queryPlan(query);
    EvalOptions opts = options == null ? EvalOptions.DEFAULT : options;
    try {
      return evalOnce(q, input, opts);
    } catch (StackOverflowError onCallerStack) {
      // Evaluation is free of side effects, so a query too deep for the caller's stack is run
      // again on a thread with a stack sized for the depth bound; beyond it the bound answers.
      return evalOnDeepStack(q, input, opts);
    }
  }

  private QueryResult evalOnce(QueryPlan q, Value input, EvalOptions options) throws RegoException {
    Session session = new Session(plan, options);
    Evaluator ev = new Evaluator(session, new Context(input, new Context.DataOverride[0], Map.of()));
    Value[] frame = new Value[q.slots()];
    List<Map<String, Value>> results = new ArrayList<>();
    try {
      if (q.singleTerm() != null) {
        ev.evalTerm(q.singleTerm(), frame, v -> {
          Map<String, Value> b = bindings(q, frame);
          b.putIfAbsent("x", v);
          results.add(Collections.unmodifiableMap(b));
          return false;
        });
      } else {
        ev.evalBody(q.body(), 0, frame, () -> {
          results.add(Collections.unmodifiableMap(bindings(q, frame)));
          return false;
        });
      }
    } catch (EvalException e) {
      throw new RegoException(withSourceLine(e.toError()));
    } catch (RuntimeException e) {
      // A defect in the engine must not escape as an unchecked exception through the API.
      throw new RegoException(new RegoError(EvalException.INTERNAL, "internal error: " + e, null, 0, 0, null));
    }
    return new QueryResult(Collections.unmodifiableList(results), List.copyOf(session.printed));
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
    for (Module m : policy.modules()) {
      if (e.file().equals(m.file())) {
        return new RegoError(e.code(), e.message(), e.file(), e.line(), e.column(), m.sourceLine(e.line()));
      }
    }
    return e;
  }

  private static Map<String, Value> bindings(QueryPlan q, Value[] frame) {
    Map<String, Value> b = new LinkedHashMap<>();
    for (int i = 0; i < q.resultNames().length; i++) {
      int slot = q.resultSlots()[i];
      if (slot >= 0 && frame[slot] != null) b.put(q.resultNames()[i], frame[slot]);
    }
    return b;
  }

  private QueryPlan queryPlan(String query) throws RegoException {
    QueryPlan q = queries.get(query);
    if (q != null) return q;
    try {
      q = lowerQuery(policy.compileQuery(Parser.parseQuery(query, queryOptions)));
    } catch (RuntimeException | StackOverflowError e) {
      throw new RegoException(new RegoError("rego_compile_error", "internal error while compiling the query: " + e,
          null, 0, 0, null));
    }
    if (queries.size() < MAX_CACHED_QUERIES) queries.put(query, q);
    return q;
  }

  private QueryPlan lowerQuery(CompiledQuery cq) {
    Lowering low = new Lowering(builtins, plan.functions);
    Body body = low.body(cq.body());
    low.closeComprehensions(List.of(), List.of(body));
    Term single = null;
    if (cq.body().size() == 1 && cq.body().exprs().get(0) instanceof TermExpr te && !te.negated() && te.with().isEmpty()
        && !(te.term() instanceof Call c && ("eq".equals(c.name()) || "assign".equals(c.name())))) {
      Expr e = body.literals()[0].expr();
      if (e instanceof Expr.Truthy t) single = t.term();
    }
    String[] names = cq.resultVars().toArray(new String[0]);
    int[] slots = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      Integer s = low.slotOf(names[i]);
      slots[i] = s == null ? -1 : s;
    }
    return new QueryPlan(body, low.slotCount(), names, slots, single);
  }

  @Override
  public List<PackageInfo> packages() { return packages; }
}
