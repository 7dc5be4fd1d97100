package io.exportguard.rego.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exportguard.rego.EvalOptions;
import io.exportguard.rego.PolicySet;
import io.exportguard.rego.QueryResult;
import io.exportguard.rego.RegoException;
import io.exportguard.rego.ast.Body;
import io.exportguard.rego.ast.Call;
import io.exportguard.rego.ast.Expr;
import io.exportguard.rego.ast.Ref;
import io.exportguard.rego.ast.TermExpr;
import io.exportguard.rego.ast.Var;
import io.exportguard.rego.builtins.BuiltinRegistry;
import io.exportguard.rego.parser.ParseOptions;
import io.exportguard.rego.parser.Parser;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.Value;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code rego eval}: evaluates a query as {@code opa eval} does and reports OPA's result shape,
 * {@code {"result": [{"expressions": [{"value", "text", "location"}], "bindings": {...}}]}}
 * ({@code {}} when undefined). As in OPA, each expression that is a term or a call has its value
 * captured (a rule that is {@code false} shows {@code false}); assignments, unifications,
 * negations and {@code some}/{@code every} show {@code true}.
 */
public final class RegoEval {
  private static final String CAPTURE = "__egq";
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
      .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
  private static final BuiltinRegistry BUILTINS = BuiltinRegistry.standard();

  private RegoEval() {}

  /** One expression's value in one result. */
  public record Expression(Value value, String text, int row, int col) {}

  /** One solution of the query. */
  public record Result(List<Expression> expressions, Map<String, Value> bindings) {}

  /** Evaluates the query (parsed with the options' syntax) against the policy set. */
  public static List<Result> eval(PolicySet policies, String query, Value input, ParseOptions syntax,
                                  EvalOptions options) throws RegoException {
    Body parsed = Parser.parseQuery(query, syntax);
    List<Expr> exprs = parsed.exprs();
    boolean checkCapture = exprs.size() > 1 || iterates(parsed);
    List<String> texts = new ArrayList<>();
    List<String> captures = new ArrayList<>();
    StringBuilder rewritten = new StringBuilder();
    for (int i = 0; i < exprs.size(); i++) {
      Expr e = exprs.get(i);
      int start = offset(query, e.loc().line(), e.loc().column());
      int end = i + 1 < exprs.size() ? offset(query, exprs.get(i + 1).loc().line(), exprs.get(i + 1).loc().column())
          : query.length();
      String text = trimLiteral(query.substring(start, end));
      texts.add(text);
      String capture = captures(e) ? CAPTURE + i + "__" : null;
      captures.add(capture);
      if (rewritten.length() > 0) rewritten.append('\n');
      if (capture == null) {
        rewritten.append(text);
        continue;
      }
      String term = text;
      String withs = "";
      if (!e.with().isEmpty()) {
        int w = offset(query, e.with().get(0).loc().line(), e.with().get(0).loc().column()) - start;
        term = text.substring(0, w).strip();
        withs = " " + text.substring(w);
      }
      rewritten.append(capture).append(" = (").append(term).append(')').append(withs);
      if (checkCapture) rewritten.append('\n').append(capture);
    }
    QueryResult r = policies.eval(rewritten.toString(), input, options);
    List<Result> out = new ArrayList<>();
    for (Map<String, Value> b : r.bindings()) {
      List<Expression> values = new ArrayList<>();
      for (int i = 0; i < exprs.size(); i++) {
        Value v = captures.get(i) == null ? BooleanValue.TRUE : b.get(captures.get(i));
        values.add(new Expression(v, texts.get(i), exprs.get(i).loc().line(), exprs.get(i).loc().column()));
      }
      Map<String, Value> bindings = new LinkedHashMap<>();
      b.forEach((k, v) -> {
        if (!k.startsWith(CAPTURE)) bindings.put(k, v);
      });
      out.add(new Result(values, bindings));
    }
    return out;
  }

  /** OPA captures terms and calls written with exactly the function's arity. */
  private static boolean captures(Expr e) {
    if (!(e instanceof TermExpr t) || t.negated()) return false;
    if (!(t.term() instanceof Call c)) return true;
    String name = c.name();
    if ("eq".equals(name) || "assign".equals(name)) return false;
    Integer arity = name == null ? null : BUILTINS.lookup(name).map(d -> d.arity()).orElse(null);
    return arity == null || arity == c.args().size();
  }

  /** A query that iterates (a variable key in a ref, {@code some x in}): false values then fail it instead of showing. */
  private static boolean iterates(Body b) {
    boolean[] found = {false};
    for (Expr e : b.exprs()) {
      if (e instanceof io.exportguard.rego.ast.SomeIn) found[0] = true;
      if (e instanceof TermExpr t) scan(t.term(), found);
    }
    return found[0];
  }

  private static void scan(io.exportguard.rego.ast.Term t, boolean[] found) {
    if (t instanceof Ref r) {
      for (int i = 1; i < r.size(); i++) if (r.get(i) instanceof Var) found[0] = true;
      for (io.exportguard.rego.ast.Term x : r.terms()) scan(x, found);
    } else if (t instanceof Call c) {
      for (io.exportguard.rego.ast.Term x : c.args()) scan(x, found);
    }
  }

  /** The char offset of a 1-based line and column. */
  private static int offset(String s, int line, int col) {
    int off = 0;
    for (int l = 1; l < line; l++) {
      int nl = s.indexOf('\n', off);
      if (nl < 0) return s.length();
      off = nl + 1;
    }
    return Math.min(s.length(), off + col - 1);
  }

  /** A literal's text without what separates it from the next: comments, whitespace and a semicolon. */
  static String trimLiteral(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '`') {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != c) j += c == '"' && s.charAt(j) == '\\' ? 2 : 1;
        out.append(s, i, Math.min(j + 1, s.length()));
        i = j;
      } else if (c == '#') {
        while (i < s.length() && s.charAt(i) != '\n') i++;
        out.append('\n');
      } else {
        out.append(c);
      }
    }
    String t = out.toString().strip();
    while (t.endsWith(";")) t = t.substring(0, t.length() - 1).strip();
    return t;
  }

  /** OPA's JSON result document ({@code {}} when undefined), indented. */
  public static String json(List<Result> results) {
    ObjectNode root = JSON.createObjectNode();
    if (!results.isEmpty()) {
      ArrayNode rs = root.putArray("result");
      for (Result r : results) {
        ObjectNode o = rs.addObject();
        ArrayNode es = o.putArray("expressions");
        for (Expression e : r.expressions()) {
          ObjectNode x = es.addObject();
          x.set("value", node(e.value()));
          x.put("text", e.text());
          ObjectNode loc = x.putObject("location");
          loc.put("row", e.row());
          loc.put("col", e.col());
        }
        if (!r.bindings().isEmpty()) {
          ObjectNode b = o.putObject("bindings");
          r.bindings().forEach((k, v) -> b.set(k, node(v)));
        }
      }
    }
    return indent(root);
  }

  /**
   * OPA's pretty output: {@code undefined}, a lone value as indented JSON, otherwise a table with
   * a column per binding and per expression whose value is not plain {@code true}.
   */
  public static String pretty(List<Result> results) {
    if (results.isEmpty()) return "undefined";
    Result first = results.get(0);
    if (results.size() == 1 && first.bindings().isEmpty() && first.expressions().size() == 1) {
      return prettyValue(first.expressions().get(0).value());
    }
    List<String> header = new ArrayList<>(first.bindings().keySet());
    List<Integer> shown = new ArrayList<>();
    for (int i = 0; i < first.expressions().size(); i++) {
      final int idx = i;
      if (results.stream().anyMatch(r -> !BooleanValue.TRUE.equals(r.expressions().get(idx).value()))) {
        shown.add(i);
        header.add(first.expressions().get(i).text());
      }
    }
    if (header.isEmpty()) return "true";
    List<List<String>> rows = new ArrayList<>();
    for (Result r : results) {
      List<String> row = new ArrayList<>();
      for (String k : first.bindings().keySet()) row.add(cell(r.bindings().get(k)));
      for (int i : shown) row.add(cell(r.expressions().get(i).value()));
      rows.add(row);
    }
    return Table.render(header, rows);
  }

  private static String cell(Value v) { return v == null ? "" : Json.write(v); }

  private static String prettyValue(Value v) { return indent(node(v)); }

  /** JSON indented by two spaces, as Go's json.MarshalIndent writes it ({@code "k": v}, {@code {}} when empty). */
  static String indent(JsonNode n) {
    StringBuilder sb = new StringBuilder();
    indent(n, "", sb);
    return sb.toString();
  }

  private static void indent(JsonNode n, String pad, StringBuilder sb) {
    if (n.isObject() || n.isArray()) {
      boolean object = n.isObject();
      if (n.isEmpty()) {
        sb.append(object ? "{}" : "[]");
        return;
      }
      sb.append(object ? '{' : '[');
      String inner = pad + "  ";
      boolean first = true;
      java.util.Iterator<Map.Entry<String, JsonNode>> fields = object ? n.fields() : null;
      java.util.Iterator<JsonNode> items = object ? null : n.elements();
      while (object ? fields.hasNext() : items.hasNext()) {
        sb.append(first ? "\n" : ",\n").append(inner);
        first = false;
        if (object) {
          Map.Entry<String, JsonNode> f = fields.next();
          sb.append(JSON.getNodeFactory().textNode(f.getKey())).append(": ");
          indent(f.getValue(), inner, sb);
        } else {
          indent(items.next(), inner, sb);
        }
      }
      sb.append('\n').append(pad).append(object ? '}' : ']');
      return;
    }
    sb.append(n);
  }

  private static JsonNode node(Value v) {
    try {
      return JSON.readTree(Json.write(v));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
