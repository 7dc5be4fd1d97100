package io.exportguard.rego.compiler;

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
import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.NullValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The compact binary form of compiled modules that {@link CompiledForms} stores: one tag byte per
 * node, variable-length integers, and every string and location written once and referred to by
 * number after that. It replaces Java serialization, which spent most of a start-up's loading time
 * on reflection and method handles for the AST's records. {@link Reader} throws
 * {@link IOException} for anything it does not recognise; the caller then compiles the sources.
 */
final class AstCodec {
  private AstCodec() {}

  // Node tags. Zero is null everywhere.
  private static final int NULL = 0;
  private static final int SCALAR = 1, VAR = 2, REF = 3, ARRAY_TERM = 4, OBJECT_TERM = 5, SET_TERM = 6,
      ARRAY_COMPR = 7, SET_COMPR = 8, OBJECT_COMPR = 9, CALL = 10, TEMPLATE = 11;
  private static final int TERM_EXPR = 20, SOME_DECL = 21, SOME_IN = 22, EVERY = 23, LOGICAL = 24, NOT_BODY = 25;
  // Value tags (rego values inside scalars).
  private static final int V_NULL = 1, V_TRUE = 2, V_FALSE = 3, V_NUMBER = 4, V_STRING = 5, V_ARRAY = 6,
      V_OBJECT = 7, V_SET = 8;
  // Plain Java values inside METADATA fields (as the YAML reader gives them).
  private static final int P_NULL = 0, P_STRING = 1, P_TRUE = 2, P_FALSE = 3, P_INT = 4, P_LONG = 5,
      P_BIGINT = 6, P_DOUBLE = 7, P_LIST = 8, P_MAP = 9;

  /** Writes modules and user functions. Fails on a value it has no tag for (the form is then not made). */
  static final class Writer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
    private final Map<String, Integer> strings = new HashMap<>();
    private final Map<Location, Integer> locations = new HashMap<>();

    byte[] write(List<Module> modules, Map<String, Integer> userFunctions) throws IOException {
      uint(modules.size());
      for (Module m : modules) module(m);
      TreeMap<String, Integer> sorted = new TreeMap<>(userFunctions); // the same policy, the same bytes
      uint(sorted.size());
      for (Map.Entry<String, Integer> e : sorted.entrySet()) {
        str(e.getKey());
        uint(e.getValue());
      }
      return out.toByteArray();
    }

    private void module(Module m) throws IOException {
      str(m.file());
      str(m.source());
      ref(m.pkg().path());
      loc(m.pkg().loc());
      uint(m.imports().size());
      for (Import i : m.imports()) {
        ref(i.path());
        str(i.alias());
        loc(i.loc());
      }
      rules(m.rules());
      annotations(m.annotations());
      uint(m.regoVersion() == null ? 0 : m.regoVersion().ordinal() + 1);
    }

    private void rules(List<Rule> rules) throws IOException {
      uint(rules.size());
      for (Rule r : rules) rule(r);
    }

    private void rule(Rule r) throws IOException {
      if (r == null) {
        uint(0);
        return;
      }
      uint(r.kind().ordinal() + 1);
      ref(r.head());
      terms(r.args());
      term(r.key());
      term(r.value());
      uint((r.assign() ? 1 : 0) | (r.isDefault() ? 2 : 0));
      body(r.body());
      rule(r.elseRule());
      annotations(r.annotations());
      loc(r.loc());
    }

    private void annotations(List<Annotations> list) throws IOException {
      uint(list.size());
      for (Annotations a : list) {
        str(a.scope());
        plain(a.fields());
        str(a.file());
        sint(a.line());
      }
    }

    private void body(Body b) throws IOException {
      if (b == null) {
        uint(0);
        return;
      }
      uint(b.exprs().size() + 1);
      for (Expr e : b.exprs()) expr(e);
      loc(b.loc());
    }

    private void expr(Expr e) throws IOException {
      if (e instanceof TermExpr t) {
        uint(TERM_EXPR);
        term(t.term());
        uint(t.negated() ? 1 : 0);
      } else if (e instanceof SomeDecl s) {
        uint(SOME_DECL);
        uint(s.vars().size());
        for (Var v : s.vars()) term(v);
      } else if (e instanceof SomeIn s) {
        uint(SOME_IN);
        term(s.key());
        term(s.value());
        term(s.collection());
      } else if (e instanceof Every ev) {
        uint(EVERY);
        term(ev.key());
        term(ev.value());
        term(ev.domain());
        body(ev.body());
      } else if (e instanceof LogicalExpr l) {
        uint(LOGICAL);
        uint(l.op().ordinal());
        body(l.lhs());
        body(l.rhs());
      } else if (e instanceof NotBody n) {
        uint(NOT_BODY);
        body(n.body());
      } else {
        throw new IOException("no compact form for " + e.getClass().getName());
      }
      if (!(e instanceof SomeDecl)) withs(e.with());
      loc(e.loc());
    }

    private void withs(List<With> with) throws IOException {
      uint(with.size());
      for (With w : with) {
        ref(w.target());
        term(w.value());
        loc(w.loc());
      }
    }

    private void terms(List<? extends Term> terms) throws IOException {
      uint(terms.size());
      for (Term t : terms) term(t);
    }

    private void ref(Ref r) throws IOException {
      term(r);
    }

    private void term(Term t) throws IOException {
      if (t == null) {
        uint(NULL);
        return;
      }
      if (t instanceof Scalar s) {
        uint(SCALAR);
        value(s.value());
      } else if (t instanceof Var v) {
        uint(VAR);
        str(v.name());
      } else if (t instanceof Ref r) {
        uint(REF);
        terms(r.terms());
      } else if (t instanceof ArrayTerm a) {
        uint(ARRAY_TERM);
        terms(a.items());
      } else if (t instanceof SetTerm s) {
        uint(SET_TERM);
        terms(s.items());
      } else if (t instanceof ObjectTerm o) {
        uint(OBJECT_TERM);
        uint(o.entries().size());
        for (ObjectTerm.Entry e : o.entries()) {
          term(e.key());
          term(e.value());
        }
      } else if (t instanceof ArrayCompr c) {
        uint(ARRAY_COMPR);
        term(c.head());
        body(c.body());
      } else if (t instanceof SetCompr c) {
        uint(SET_COMPR);
        term(c.head());
        body(c.body());
      } else if (t instanceof ObjectCompr c) {
        uint(OBJECT_COMPR);
        term(c.key());
        term(c.value());
        body(c.body());
      } else if (t instanceof Call c) {
        uint(CALL);
        ref(c.operator());
        terms(c.args());
      } else if (t instanceof TemplateString ts) {
        uint(TEMPLATE);
        uint(ts.parts().size());
        for (TermExpr p : ts.parts()) expr(p);
        uint(ts.raw() ? 1 : 0);
      } else {
        throw new IOException("no compact form for " + t.getClass().getName());
      }
      loc(t.loc());
    }

    private void value(Value v) throws IOException {
      if (v instanceof NullValue) {
        uint(V_NULL);
      } else if (v instanceof BooleanValue b) {
        uint(b.value() ? V_TRUE : V_FALSE);
      } else if (v instanceof NumberValue n) {
        uint(V_NUMBER);
        str(n.value().toString()); // BigDecimal(String) gives back the same unscaled value and scale
      } else if (v instanceof StringValue s) {
        uint(V_STRING);
        str(s.value());
      } else if (v instanceof ArrayValue a) {
        uint(V_ARRAY);
        uint(a.size());
        for (Value x : a.items()) value(x);
      } else if (v instanceof ObjectValue o) {
        uint(V_OBJECT);
        uint(o.entries().size());
        for (Map.Entry<Value, Value> e : o.entries().entrySet()) {
          value(e.getKey());
          value(e.getValue());
        }
      } else if (v instanceof SetValue s) {
        uint(V_SET);
        uint(s.items().size());
        for (Value x : s.items()) value(x);
      } else {
        throw new IOException("no compact form for " + v);
      }
    }

    private void plain(Object o) throws IOException {
      if (o == null) {
        uint(P_NULL);
      } else if (o instanceof String s) {
        uint(P_STRING);
        str(s);
      } else if (o instanceof Boolean b) {
        uint(b ? P_TRUE : P_FALSE);
      } else if (o instanceof Integer i) {
        uint(P_INT);
        sint(i);
      } else if (o instanceof Long l) {
        uint(P_LONG);
        str(Long.toString(l));
      } else if (o instanceof BigInteger b) {
        uint(P_BIGINT);
        str(b.toString());
      } else if (o instanceof Double d) {
        uint(P_DOUBLE);
        str(Double.toString(d));
      } else if (o instanceof List<?> l) {
        uint(P_LIST);
        uint(l.size());
        for (Object x : l) plain(x);
      } else if (o instanceof Map<?, ?> m) {
        uint(P_MAP);
        uint(m.size());
        for (Map.Entry<?, ?> e : m.entrySet()) {
          if (!(e.getKey() instanceof String k)) throw new IOException("no compact form for a METADATA key " + e.getKey());
          str(k);
          plain(e.getValue());
        }
      } else {
        throw new IOException("no compact form for METADATA value " + o.getClass().getName());
      }
    }

    private void loc(Location l) throws IOException {
      if (l == null) {
        uint(0);
        return;
      }
      Integer seen = locations.get(l);
      if (seen != null) {
        uint(seen + 2);
        return;
      }
      locations.put(l, locations.size());
      uint(1);
      str(l.file());
      uint(l.line());
      uint(l.column());
    }

    /** 0 null, 1 a new string (length and UTF-8 bytes follow), n + 2 the n-th string written. */
    private void str(String s) {
      if (s == null) {
        uint(0);
        return;
      }
      Integer seen = strings.get(s);
      if (seen != null) {
        uint(seen + 2);
        return;
      }
      strings.put(s, strings.size());
      uint(1);
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      uint(b.length);
      out.write(b, 0, b.length);
    }

    private void sint(int v) {
      uint((v << 1) ^ (v >> 31));
    }

    private void uint(int v) {
      while ((v & ~0x7F) != 0) {
        out.write((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      out.write(v);
    }
  }

  /** What {@link Writer} wrote. */
  record Decoded(List<Module> modules, Map<String, Integer> userFunctions) {}

  /** Reads what {@link Writer} wrote, from {@code offset} of {@code bytes}. */
  static final class Reader {
    private final byte[] in;
    private int pos;
    private final List<String> strings = new ArrayList<>();
    private final List<Location> locations = new ArrayList<>();

    Reader(byte[] bytes, int offset) {
      this.in = bytes;
      this.pos = offset;
    }

    Decoded read() throws IOException {
      int n = uint();
      List<Module> modules = new ArrayList<>(n);
      for (int i = 0; i < n; i++) modules.add(module());
      int f = uint();
      Map<String, Integer> userFunctions = new HashMap<>();
      for (int i = 0; i < f; i++) userFunctions.put(str(), uint());
      if (pos != in.length) throw new IOException("trailing bytes");
      return new Decoded(modules, userFunctions);
    }

    private Module module() throws IOException {
      String file = str();
      String source = str();
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

    @SuppressWarnings("unchecked")
    private List<Annotations> annotations() throws IOException {
      int n = uint();
      if (n == 0) return List.of();
      List<Annotations> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String scope = str();
        Object fields = plain();
        if (!(fields instanceof Map<?, ?>)) throw new IOException("METADATA fields are not a map");
        out.add(new Annotations(scope, (Map<String, Object>) fields, str(), sint()));
      }
      return out;
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

    private Value value() throws IOException {
      int tag = uint();
      switch (tag) {
        case V_NULL:
          return NullValue.INSTANCE;
        case V_TRUE:
          return BooleanValue.TRUE;
        case V_FALSE:
          return BooleanValue.FALSE;
        case V_NUMBER:
          return NumberValue.of(new BigDecimal(str()));
        case V_STRING:
          return StringValue.of(str());
        case V_ARRAY: {
          int n = uint();
          Value[] items = new Value[n];
          for (int i = 0; i < n; i++) items[i] = value();
          return ArrayValue.wrap(items);
        }
        case V_OBJECT: {
          int n = uint();
          TreeMap<Value, Value> entries = new TreeMap<>();
          for (int i = 0; i < n; i++) entries.put(value(), value());
          return ObjectValue.wrap(entries);
        }
        case V_SET: {
          int n = uint();
          TreeSet<Value> items = new TreeSet<>();
          for (int i = 0; i < n; i++) items.add(value());
          return SetValue.wrap(items);
        }
        default:
          throw new IOException("unknown value tag " + tag);
      }
    }

    private Object plain() throws IOException {
      int tag = uint();
      switch (tag) {
        case P_NULL:
          return null;
        case P_STRING:
          return str();
        case P_TRUE:
          return Boolean.TRUE;
        case P_FALSE:
          return Boolean.FALSE;
        case P_INT:
          return sint();
        case P_LONG:
          return Long.parseLong(str());
        case P_BIGINT:
          return new BigInteger(str());
        case P_DOUBLE:
          return Double.parseDouble(str());
        case P_LIST: {
          int n = uint();
          List<Object> out = new ArrayList<>(n);
          for (int i = 0; i < n; i++) out.add(plain());
          return out;
        }
        case P_MAP: {
          int n = uint();
          Map<String, Object> out = new LinkedHashMap<>();
          for (int i = 0; i < n; i++) out.put(str(), plain());
          return out;
        }
        default:
          throw new IOException("unknown METADATA value tag " + tag);
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

    private String str() throws IOException {
      int n = uint();
      if (n == 0) return null;
      if (n == 1) {
        int len = uint();
        if (len < 0 || len > in.length - pos) throw new IOException("truncated");
        String s = new String(in, pos, len, StandardCharsets.UTF_8);
        pos += len;
        strings.add(s);
        return s;
      }
      return at(strings, n - 2);
    }

    private static <T> T at(List<T> table, int i) throws IOException {
      if (i < 0 || i >= table.size()) throw new IOException("a reference to nothing written before");
      return table.get(i);
    }

    private static <E> E enumAt(E[] values, int i) throws IOException {
      if (i < 0 || i >= values.length) throw new IOException("unknown constant " + i);
      return values[i];
    }

    private int sint() throws IOException {
      int v = uint();
      return (v >>> 1) ^ -(v & 1);
    }

    private int uint() throws IOException {
      int v = 0;
      for (int shift = 0; shift < 35; shift += 7) {
        if (pos >= in.length) throw new IOException("truncated");
        int b = in[pos++];
        v |= (b & 0x7F) << shift;
        if ((b & 0x80) == 0) return v;
      }
      throw new IOException("malformed number");
    }
  }
}
