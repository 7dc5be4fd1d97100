package io.exportguard.rego.compiler;

import static io.exportguard.rego.compiler.AstCodec.*;

import io.exportguard.rego.Annotations;
import io.exportguard.rego.RegoVersion;
import io.exportguard.rego.ast.ArrayCompr;
import io.exportguard.rego.ast.ArrayTerm;
import io.exportguard.rego.ast.Body;
import io.exportguard.rego.ast.Call;
import io.exportguard.rego.ast.Every;
import io.exportguard.rego.ast.Expr;
import io.exportguard.rego.ast.Import;
import io.exportguard.rego.ast.Location;
import io.exportguard.rego.ast.LogicalExpr;
import io.exportguard.rego.ast.Module;
import io.exportguard.rego.ast.NotBody;
import io.exportguard.rego.ast.ObjectCompr;
import io.exportguard.rego.ast.ObjectTerm;
import io.exportguard.rego.ast.PackageDecl;
import io.exportguard.rego.ast.Ref;
import io.exportguard.rego.ast.Rule;
import io.exportguard.rego.ast.RuleKind;
import io.exportguard.rego.ast.Scalar;
import io.exportguard.rego.ast.SetCompr;
import io.exportguard.rego.ast.SetTerm;
import io.exportguard.rego.ast.SomeDecl;
import io.exportguard.rego.ast.SomeIn;
import io.exportguard.rego.ast.TemplateString;
import io.exportguard.rego.ast.Term;
import io.exportguard.rego.ast.TermExpr;
import io.exportguard.rego.ast.Var;
import io.exportguard.rego.ast.With;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads what {@link AstWriter} wrote, from {@code offset} of {@code bytes}. */
final class AstReader extends CodecIn {
  private final List<Location> locations = new ArrayList<>();
  private final List<String> sources;

  /** Reads {@code bytes[offset, end)}, the modules' sources given (the form does not hold them). */
  AstReader(byte[] bytes, int offset, int end, List<String> sources) {
    super(bytes, offset, end);
    this.sources = sources;
  }

  Decoded read() throws IOException {
    int n = uint();
    if (n != sources.size()) throw new IOException(n + " modules, not the " + sources.size() + " given");
    List<Module> modules = new ArrayList<>(n);
    for (int i = 0; i < n; i++) modules.add(module(sources.get(i)));
    int f = uint();
    Map<String, Integer> userFunctions = new HashMap<>();
    for (int i = 0; i < f; i++) userFunctions.put(str(), uint());
    if (!atEnd()) throw new IOException("trailing bytes");
    return new Decoded(modules, userFunctions);
  }

  private Module module(String source) throws IOException {
    String file = str();
    Ref pkgPath = ref();
    PackageDecl pkg = new PackageDecl(pkgPath, loc());
    int n = uint();
    List<Import> imports = new ArrayList<>(n);
    for (int i = 0; i < n; i++) imports.add(new Import(ref(), str(), loc()));
    int r = uint();
    List<Rule> rules = new ArrayList<>(r);
    for (int i = 0; i < r; i++) rules.add(rule());
    List<Annotations> annotations = annotations();
    int v = uint();
    RegoVersion version = v == 0 ? null : enumAt(RegoVersion.values(), v - 1);
    return new Module(file, source, pkg, imports, rules, annotations, version);
  }

  private Rule rule() throws IOException {
    int k = uint();
    if (k == 0) return null;
    RuleKind kind = enumAt(RuleKind.values(), k - 1);
    Ref head = ref();
    List<Term> args = terms();
    Term key = term();
    Term value = term();
    int flags = uint();
    Body body = body();
    Rule elseRule = rule();
    List<Annotations> annotations = annotations();
    return new Rule(kind, head, args, key, value, (flags & 1) != 0, (flags & 2) != 0, body, elseRule,
        annotations, loc());
  }

  private Body body() throws IOException {
    int n = uint();
    if (n == 0) return null;
    Expr[] exprs = new Expr[n - 1];
    for (int i = 0; i < exprs.length; i++) exprs[i] = expr();
    return new Body(List.of(exprs), loc());
  }

  private Expr expr() throws IOException {
    int tag = uint();
    switch (tag) {
      case TERM_EXPR: {
        Term t = term();
        boolean negated = uint() != 0;
        return new TermExpr(t, negated, withs(), loc());
      }
      case SOME_DECL: {
        int n = uint();
        Var[] vars = new Var[n];
        for (int i = 0; i < n; i++) {
          if (!(term() instanceof Var v)) throw new IOException("some declares a non-variable");
          vars[i] = v;
        }
        return new SomeDecl(List.of(vars), loc());
      }
      case SOME_IN: {
        Term key = term();
        Term value = term();
        Term collection = term();
        return new SomeIn(key, value, collection, withs(), loc());
      }
      case EVERY: {
        Term key = term();
        Term value = term();
        Term domain = term();
        Body body = body();
        return new Every(key, value, domain, body, withs(), loc());
      }
      case LOGICAL: {
        LogicalExpr.Op op = enumAt(LogicalExpr.Op.values(), uint());
        Body lhs = body();
        Body rhs = body();
        return new LogicalExpr(op, lhs, rhs, withs(), loc());
      }
      case NOT_BODY: {
        Body body = body();
        return new NotBody(body, withs(), loc());
      }
      default:
        throw new IOException("unknown expression tag " + tag);
    }
  }

  private List<With> withs() throws IOException {
    int n = uint();
    if (n == 0) return List.of();
    With[] out = new With[n];
    for (int i = 0; i < n; i++) out[i] = new With(ref(), term(), loc());
    return List.of(out);
  }

  private List<Term> terms() throws IOException {
    int n = uint();
    if (n == 0) return List.of();
    Term[] out = new Term[n];
    for (int i = 0; i < n; i++) out[i] = term();
    return List.of(out);
  }

  private Ref ref() throws IOException {
    Term t = term();
    if (t instanceof Ref r) return r;
    throw new IOException("a reference was expected");
  }

  private Term term() throws IOException {
    int tag = uint();
    switch (tag) {
      case NULL:
        return null;
      case SCALAR:
        return new Scalar(value(), loc());
      case VAR:
        return new Var(str(), loc());
      case REF:
        return new Ref(terms(), loc());
      case ARRAY_TERM:
        return new ArrayTerm(terms(), loc());
      case SET_TERM:
        return new SetTerm(terms(), loc());
      case OBJECT_TERM: {
        int n = uint();
        ObjectTerm.Entry[] entries = new ObjectTerm.Entry[n];
        for (int i = 0; i < n; i++) entries[i] = new ObjectTerm.Entry(term(), term());
        return new ObjectTerm(List.of(entries), loc());
      }
      case ARRAY_COMPR:
        return new ArrayCompr(term(), body(), loc());
      case SET_COMPR:
        return new SetCompr(term(), body(), loc());
      case OBJECT_COMPR:
        return new ObjectCompr(term(), term(), body(), loc());
      case CALL: {
        Ref operator = ref();
        return new Call(operator, terms(), loc());
      }
      case TEMPLATE: {
        int n = uint();
        TermExpr[] parts = new TermExpr[n];
        for (int i = 0; i < n; i++) {
          if (!(expr() instanceof TermExpr p)) throw new IOException("a template part is not a term");
          parts[i] = p;
        }
        boolean raw = uint() != 0;
        return new TemplateString(List.of(parts), raw, loc());
      }
      default:
        throw new IOException("unknown term tag " + tag);
    }
  }

  private Location loc() throws IOException {
    int n = uint();
    if (n == 0) return null;
    if (n == 1) {
      Location l = new Location(str(), uint(), uint());
      if (l.file() == null && l.line() == 0 && l.column() == 0) l = Location.NONE; // not equals(): an indy call, slow this early
      locations.add(l);
      return l;
    }
    return at(locations, n - 2);
  }
}
