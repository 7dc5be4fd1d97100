package io.exportguard.rego.eval;

import static io.exportguard.rego.eval.PlanCodec.*;

import io.exportguard.rego.Annotations;
import io.exportguard.rego.PackageInfo;
import io.exportguard.rego.RegoVersion;
import io.exportguard.rego.builtins.BuiltinDecl;
import io.exportguard.rego.builtins.BuiltinRegistry;
import io.exportguard.rego.compiler.CodecIn;
import io.exportguard.rego.value.Value;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads what {@link PlanWriter} wrote; throws {@link IOException} for anything it does not recognise. */
final class PlanReader extends CodecIn {
  private final BuiltinRegistry builtins;
  private final Map<String, FunctionGroup> functions = new HashMap<>();

  private PlanReader(byte[] bytes, int from, int to, BuiltinRegistry builtins) {
    super(bytes, from, to);
    this.builtins = builtins;
  }

  /** The plan in {@code bytes[from, to)}, over {@code data}, calling {@code builtins}. */
  static PlanCodec.Loaded read(byte[] bytes, int from, int to, Value data, BuiltinRegistry builtins)
      throws IOException {
    return new PlanReader(bytes, from, to, builtins).read(data);
  }

  private PlanCodec.Loaded read(Value data) throws IOException {
    RegoVersion version = enumAt(RegoVersion.values(), uint());
    List<PackageInfo> packages = packages();
    AnnotationIndex index = annotationIndex();
    int f = uint();
    for (int i = 0; i < f; i++) {
      FunctionGroup g = group(str());
      g.arity = sint();
      g.defaultDef = ruleDef();
      g.defs.addAll(ruleDefs());
    }
    RuleNode root = node();
    root.index();
    int q = uint();
    Map<String, QueryPlan> queries = new HashMap<>();
    for (int i = 0; i < q; i++) queries.put(str(), query());
    if (!atEnd()) throw new IOException("trailing bytes");
    return new PlanCodec.Loaded(new Plan(root, data, builtins, index, functions), packages, version, queries);
  }

  private FunctionGroup group(String name) throws IOException {
    if (name == null) throw new IOException("a function without a name");
    return functions.computeIfAbsent(name, FunctionGroup::new);
  }

  private List<PackageInfo> packages() throws IOException {
    int n = uint();
    List<PackageInfo> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String path = str();
      List<String> files = List.of(strs());
      List<Annotations> annotations = List.copyOf(annotations());
      int r = uint();
      List<PackageInfo.RuleInfo> rules = new ArrayList<>(r);
      for (int j = 0; j < r; j++) rules.add(new PackageInfo.RuleInfo(str(), str(), sint(), List.copyOf(annotations())));
      int l = uint();
      Map<String, Integer> lines = new HashMap<>();
      for (int j = 0; j < l; j++) lines.put(str(), sint());
      out.add(new PackageInfo(path, files, annotations, List.copyOf(rules), lines));
    }
    return List.copyOf(out);
  }

  private AnnotationIndex annotationIndex() throws IOException {
    AnnotationIndex index = new AnnotationIndex();
    for (Map<String, Annotations> m : List.of(index.documents, index.packages, index.subpackages)) {
      int n = uint();
      for (int i = 0; i < n; i++) {
        String key = str();
        List<Annotations> one = annotations();
        if (one.size() != 1) throw new IOException("an index entry of " + one.size() + " METADATA blocks");
        m.put(key, one.get(0));
      }
    }
    int n = uint();
    for (int i = 0; i < n; i++) index.packageOfFile.put(str(), str());
    return index;
  }

  private RuleNode node() throws IOException {
    RuleNode n = new RuleNode(str());
    n.complete.addAll(ruleDefs());
    n.partialSet.addAll(ruleDefs());
    n.dynamic.addAll(ruleDefs());
    n.defaultDef = ruleDef();
    String function = str();
    if (function != null) n.function = group(function);
    int c = uint();
    for (int i = 0; i < c; i++) n.children.put(value(), node());
    return n;
  }

  private List<RuleDef> ruleDefs() throws IOException {
    int n = uint();
    List<RuleDef> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      RuleDef d = ruleDef();
      if (d == null) throw new IOException("a missing definition");
      out.add(d);
    }
    return out;
  }

  private RuleDef ruleDef() throws IOException {
    if (!bool()) return null;
    String path = str();
    Term[] key = terms();
    Term value = term();
    Term[] params = terms();
    boolean setLeaf = bool();
    Body body = body();
    int slots = uint();
    RuleDef elseRule = ruleDef();
    List<Annotations> annotations = annotations();
    return new RuleDef(path, key, value, params, setLeaf, body, slots, elseRule, annotations, str(), sint(), sint());
  }

  private QueryPlan query() throws IOException {
    Body body = body();
    int slots = uint();
    String[] names = strs();
    int[] resultSlots = ints();
    Term single = term();
    boolean mustHold = bool();
    int[] captureSlots = ints();
    String[] texts = strs();
    int[] lines = ints();
    int[] columns = ints();
    if (body == null || resultSlots.length != names.length || lines.length != texts.length
        || columns.length != texts.length || captureSlots.length != texts.length) {
      throw new IOException("a malformed query plan");
    }
    return new QueryPlan(body, slots, names, resultSlots, single, mustHold, captureSlots, texts, lines, columns);
  }

  private Body body() throws IOException {
    int n = uint();
    if (n == 0) return null;
    Literal[] literals = new Literal[n - 1];
    for (int i = 0; i < literals.length; i++) literals[i] = literal();
    return new Body(literals);
  }

  private Literal literal() throws IOException {
    Expr e = expr();
    boolean negated = bool();
    Literal.With[] withs = new Literal.With[uint()];
    for (int i = 0; i < withs.length; i++) {
      Literal.With.Kind kind = enumAt(Literal.With.Kind.values(), uint());
      withs[i] = new Literal.With(kind, terms(), str(), term(), callee());
    }
    return new Literal(e, negated, withs, str(), sint(), sint());
  }

  private Expr expr() throws IOException {
    int tag = uint();
    switch (tag) {
      case TRUTHY:
        return new Expr.Truthy(term());
      case UNIFY:
        return new Expr.Unify(term(), term());
      case CALL_OUT: {
        if (!(term() instanceof Term.Call call)) throw new IOException("a call with an output that is not a call");
        return new Expr.CallOut(call, term());
      }
      case SOME_IN:
        return new Expr.SomeIn(term(), term(), term());
      case EVERY:
        return new Expr.Every(term(), term(), term(), body());
      case PRINT:
        return new Expr.Print(terms());
      case EXISTS: {
        Body[] bodies = new Body[uint()];
        for (int i = 0; i < bodies.length; i++) bodies[i] = body();
        return new Expr.Exists(bodies);
      }
      case TRUE:
        return new Expr.True();
      default:
        throw new IOException("unknown expression tag " + tag);
    }
  }

  private Term[] terms() throws IOException {
    int n = uint();
    if (n == 0) return null;
    Term[] out = new Term[n - 1];
    for (int i = 0; i < out.length; i++) out[i] = term();
    return out;
  }

  private Term term() throws IOException {
    int tag = uint();
    switch (tag) {
      case NULL:
        return null;
      case CONST:
        return new Term.Const(value());
      case VAR:
        return new Term.Var(str(), uint());
      case ARRAY_LIT:
        return new Term.ArrayLit(terms());
      case SET_LIT:
        return new Term.SetLit(terms());
      case OBJECT_LIT:
        return new Term.ObjectLit(terms(), terms());
      case REF:
        return new Term.Ref(term(), terms());
      case INPUT_REF:
        return new Term.InputRef(terms());
      case DATA_REF:
        return new Term.DataRef(terms());
      case CALL:
        return new Term.Call(callee(), terms());
      case ARRAY_COMPR:
        return new Term.ArrayCompr(term(), body(), scope());
      case SET_COMPR:
        return new Term.SetCompr(term(), body(), scope());
      case OBJECT_COMPR:
        return new Term.ObjectCompr(term(), term(), body(), scope());
      default:
        throw new IOException("unknown term tag " + tag);
    }
  }

  private Term.Scope scope() throws IOException {
    Term.Scope s = new Term.Scope();
    s.closed = bool();
    return s;
  }

  private Callee callee() throws IOException {
    int tag = uint();
    switch (tag) {
      case NULL:
        return null;
      case FUNCTION: {
        String name = str();
        return new Callee.FunctionCallee(name, group(name));
      }
      case BUILTIN: {
        String name = str();
        BuiltinDecl d = builtins.lookup(name).orElse(null);
        if (d == null) throw new IOException("a call of " + name + ", which the builtins do not have");
        return new Callee.BuiltinCallee(name, d);
      }
      case UNKNOWN_BUILTIN: {
        String name = str();
        return new Callee.BuiltinCallee(name, Lowering.undefinedBuiltin(name, uint()));
      }
      default:
        throw new IOException("unknown callee tag " + tag);
    }
  }

  private String[] strs() throws IOException {
    String[] out = new String[uint()];
    for (int i = 0; i < out.length; i++) out[i] = str();
    return out;
  }

  private int[] ints() throws IOException {
    int[] out = new int[uint()];
    for (int i = 0; i < out.length; i++) out[i] = sint();
    return out;
  }
}
