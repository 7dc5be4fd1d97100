package io.exportguard.rego.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exportguard.rego.QueryResult;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.Value;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code rego eval}: prints a query's result as {@code opa eval} does, in OPA's result shape
 * {@code {"result": [{"expressions": [{"value", "text", "location"}], "bindings": {...}}]}}
 * ({@code {}} when undefined), or pretty. The values come from {@link QueryResult}, which
 * captures each expression's value as OPA's {@code rego} package does.
 */
public final class RegoEval {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
      .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

  private RegoEval() {}

  /** OPA's JSON result document ({@code {}} when undefined), indented. */
  public static String json(QueryResult result) {
    ObjectNode root = JSON.createObjectNode();
    if (result.defined()) {
      ArrayNode rs = root.putArray("result");
      for (QueryResult.Result r : result.results()) {
        ObjectNode o = rs.addObject();
        ArrayNode es = o.putArray("expressions");
        for (QueryResult.ExpressionValue e : r.expressions()) {
          ObjectNode x = es.addObject();
          x.set("value", node(e.value()));
          x.put("text", e.text());
          ObjectNode loc = x.putObject("location");
          loc.put("row", e.line());
          loc.put("col", e.column());
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
  public static String pretty(QueryResult result) {
    if (!result.defined()) return "undefined";
    List<QueryResult.Result> results = result.results();
    QueryResult.Result first = results.get(0);
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
    for (QueryResult.Result r : results) {
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
