package io.exportguard.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.exportguard.facts.FactsJson;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates a ROS template's values: {@code Ref} and the {@code Fn::} functions, where the
 * template, its parameters and the request determine them; anything decided only when ROS deploys
 * (a resource's generated id, {@code Fn::GetAZs}, a stack output) is unknown with that reason. A
 * function ROS does not have is bad input, named with its file and position.
 *
 * <p>Functions evaluated: Ref, Fn::GetAtt, Fn::Join, Fn::Sub, Fn::Select, Fn::Split, Fn::Replace,
 * Fn::FindInMap, Fn::If, Fn::Equals, Fn::And, Fn::Or, Fn::Not, Fn::Base64Encode, Fn::Base64Decode,
 * Fn::Str, Fn::Index, Fn::Length, Fn::ListMerge, Fn::GetJsonValue, Fn::Add, Fn::Max, Fn::Min,
 * Fn::Avg, Fn::Contains, Fn::Any, Fn::EachMemberIn. Known to ROS but decided at deploy time (or not
 * evaluated here): {@link #DEPLOY_TIME}.
 */
final class RosFunctions {
  /** The marker {@code Ref: ALIYUN::NoValue} evaluates to: the property or element is left out. */
  static final JsonNode NO_VALUE = new TextNode("\u0000ALIYUN::NoValue");

  static final Set<String> DEPLOY_TIME = Set.of("Fn::GetAZs", "Fn::GetStackOutput", "Fn::MarketplaceImage",
      "Fn::FormatTime", "Fn::Jq", "Fn::Calculate", "Fn::SelectMapList", "Fn::MergeMapToList", "Fn::Indent",
      "Fn::MatchPattern", "Fn::Cidr");
  private static final Set<String> EVALUATED = Set.of("Fn::GetAtt", "Fn::Join", "Fn::Sub", "Fn::Select", "Fn::Split",
      "Fn::Replace", "Fn::FindInMap", "Fn::If", "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not", "Fn::Base64Encode",
      "Fn::Base64Decode", "Fn::Str", "Fn::Index", "Fn::Length", "Fn::ListMerge", "Fn::GetJsonValue", "Fn::Add",
      "Fn::Max", "Fn::Min", "Fn::Avg", "Fn::Contains", "Fn::Any", "Fn::EachMemberIn");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** What names in a template stand for: parameters, pseudo parameters, resources, conditions. */
  interface Names {
    /** A parameter or pseudo parameter ({@code ALIYUN::Region}), or null when there is none of that name. */
    Fact<JsonNode> parameter(String name);

    /** True when the template declares a resource of that logical id. */
    boolean isResource(String logicalId);

    /** {@code Ref} of a resource: its physical id where the template determines it. */
    Fact<JsonNode> resourceId(String logicalId) throws ScanInputException;

    /** {@code Fn::GetAtt} of a resource's attribute. */
    Fact<JsonNode> attribute(String logicalId, String attribute) throws ScanInputException;

    /** A named condition of the Conditions section, or null when there is none. */
    Fact<Boolean> condition(String name) throws ScanInputException;

    JsonNode mappings();

    /** The value of ALIYUN::Index for a resource with Count, or null. */
    Integer index();
  }

  private final SourceFile file;
  private final Names names;

  RosFunctions(SourceFile file, Names names) {
    this.file = file;
    this.names = names;
  }

  /** A value with every function in it evaluated; unknown when any part is, {@link #NO_VALUE} when left out. */
  Fact<JsonNode> eval(JsonNode n) throws ScanInputException {
    if (n == null) return Fact.known(null);
    if (n.isObject() && n.size() == 1) {
      String key = n.fieldNames().next();
      if (key.equals("Ref") || key.startsWith("Fn::")) return function(n, key, n.get(key));
    }
    if (n.isObject()) {
      ObjectNode out = NODES.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Fact<JsonNode> v = eval(e.getValue());
        if (!v.isKnown()) return v;
        if (v.value() != NO_VALUE) out.set(e.getKey(), v.value() == null ? NODES.nullNode() : v.value());
      }
      return Fact.known(out);
    }
    if (n.isArray()) {
      ArrayNode out = NODES.arrayNode();
      for (JsonNode e : n) {
        Fact<JsonNode> v = eval(e);
        if (!v.isKnown()) return v;
        if (v.value() != NO_VALUE) out.add(v.value() == null ? NODES.nullNode() : v.value());
      }
      return Fact.known(out);
    }
    return Fact.known(n);
  }

  /** A condition expression (a condition name, Fn::Equals, Fn::And, ...) as a boolean. */
  Fact<Boolean> bool(JsonNode n) throws ScanInputException {
    if (n != null && n.isTextual()) {
      Fact<Boolean> c = names.condition(n.asText());
      if (c == null) throw file.error(n, "condition " + n.asText() + " is not declared in Conditions");
      return c;
    }
    if (n != null && n.isObject() && n.size() == 1 && n.has("Condition")) return bool(n.get("Condition"));
    Fact<JsonNode> v = eval(n);
    if (!v.isKnown()) return Fact.unknown(v.reason());
    if (v.value() == null || !v.value().isBoolean()) {
      throw file.error(n, "a condition must be true or false, not " + describe(v.value()));
    }
    return Fact.known(v.value().asBoolean());
  }

  private Fact<JsonNode> function(JsonNode at, String name, JsonNode arg) throws ScanInputException {
    if (name.equals("Ref")) return ref(at, arg);
    if (DEPLOY_TIME.contains(name)) {
      return Fact.unknown(name + " is decided when ROS deploys the stack (" + where(at) + ")");
    }
    if (!EVALUATED.contains(name)) {
      throw file.error(at, "unknown function " + name + " (ROS has Ref and " + String.join(", ",
          new java.util.TreeSet<>(union())) + ")");
    }
    return switch (name) {
      case "Fn::GetAtt" -> getAtt(at, arg);
      case "Fn::Join" -> join(at, arg);
      case "Fn::Sub" -> sub(at, arg);
      case "Fn::Select" -> select(at, arg);
      case "Fn::Split" -> split(at, arg);
      case "Fn::Replace" -> replace(at, arg);
      case "Fn::FindInMap" -> findInMap(at, arg);
      case "Fn::If" -> ifThen(at, arg);
      case "Fn::Equals" -> equals(at, arg);
      case "Fn::And", "Fn::Or", "Fn::Any" -> andOr(at, name, arg);
      case "Fn::Not" -> not(at, arg);
      case "Fn::Base64Encode" -> string(at, name, arg, s -> Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
      case "Fn::Base64Decode" -> string(at, name, arg, s -> decode(at, s));
      case "Fn::Str" -> str(at, arg);
      case "Fn::Index" -> index(at, arg);
      case "Fn::Length" -> length(at, arg);
      case "Fn::ListMerge" -> listMerge(at, arg);
      case "Fn::GetJsonValue" -> getJsonValue(at, arg);
      case "Fn::Add" -> add(at, arg);
      case "Fn::Max", "Fn::Min", "Fn::Avg" -> numbers(at, name, arg);
      case "Fn::Contains" -> contains(at, arg);
      case "Fn::EachMemberIn" -> eachMemberIn(at, arg);
      default -> throw file.error(at, "unknown function " + name);
    };
  }

  private static Set<String> union() {
    Set<String> all = new java.util.HashSet<>(EVALUATED);
    all.addAll(DEPLOY_TIME);
    return all;
  }

  private Fact<JsonNode> ref(JsonNode at, JsonNode arg) throws ScanInputException {
    Fact<JsonNode> target = eval(arg);
    if (!target.isKnown()) return target;
    if (target.value() == null || !target.value().isTextual()) throw file.error(at, "Ref takes a name, not " + describe(target.value()));
    String name = target.value().asText();
    if (name.equals("ALIYUN::NoValue")) return Fact.known(NO_VALUE);
    if (name.equals("ALIYUN::Index")) {
      if (names.index() == null) throw file.error(at, "ALIYUN::Index is used outside a resource with Count");
      return Fact.known(NODES.numberNode(names.index()));
    }
    Fact<JsonNode> p = names.parameter(name);
    if (p != null) return p;
    if (names.isResource(name)) return names.resourceId(name);
    throw file.error(at, "Ref to " + name + ": the template has no parameter or resource of that name");
  }

  private Fact<JsonNode> getAtt(JsonNode at, JsonNode arg) throws ScanInputException {
    Fact<JsonNode> v = eval(arg);
    if (!v.isKnown()) return v;
    String resource;
    String attribute;
    JsonNode a = v.value();
    if (a != null && a.isTextual() && a.asText().contains(".")) {
      resource = a.asText().substring(0, a.asText().indexOf('.'));
      attribute = a.asText().substring(a.asText().indexOf('.') + 1);
    } else if (a != null && a.isArray() && a.size() == 2 && a.get(0).isTextual() && a.get(1).isTextual()) {
      resource = a.get(0).asText();
      attribute = a.get(1).asText();
    } else {
      throw file.error(at, "Fn::GetAtt takes [resource, attribute] or \"resource.attribute\", not " + describe(a));
    }
    if (!names.isResource(resource)) throw file.error(at, "Fn::GetAtt of " + resource + ": no resource of that name");
    return names.attribute(resource, attribute);
  }

  private Fact<JsonNode> join(JsonNode at, JsonNode arg) throws ScanInputException {
    List<JsonNode> args = args(at, "Fn::Join", arg, 2);
    Fact<JsonNode> delimiter = eval(args.get(0));
    Fact<JsonNode> list = eval(args.get(1));
    if (!delimiter.isKnown()) return delimiter;
    if (!list.isKnown()) return list;
    if (list.value() == null || !list.value().isArray()) throw file.error(at, "Fn::Join joins a list, not " + describe(list.value()));
    StringBuilder b = new StringBuilder();
    String d = text(at, "Fn::Join", delimiter.value());
    for (int i = 0; i < list.value().size(); i++) {
      if (i > 0) b.append(d);
      b.append(text(at, "Fn::Join", list.value().get(i)));
    }
    return Fact.known(NODES.textNode(b.toString()));
  }

  private Fact<JsonNode> sub(JsonNode at, JsonNode arg) throws ScanInputException {
    JsonNode template;
    Map<String, JsonNode> vars = new java.util.HashMap<>();
    if (arg != null && arg.isArray()) {
      if (arg.size() != 2 || !arg.get(1).isObject()) throw file.error(at, "Fn::Sub takes a string or [string, {name: value}]");
      template = arg.get(0);
      for (Iterator<Map.Entry<String, JsonNode>> it = arg.get(1).fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Fact<JsonNode> v = eval(e.getValue());
        if (!v.isKnown()) return v;
        vars.put(e.getKey(), v.value());
      }
    } else {
      template = arg;
    }
    Fact<JsonNode> t = eval(template);
    if (!t.isKnown()) return t;
    if (t.value() == null || !t.value().isTextual()) throw file.error(at, "Fn::Sub substitutes into a string, not " + describe(t.value()));
    String s = t.value().asText();
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      int open = s.indexOf("${", i);
      if (open < 0) {
        out.append(s, i, s.length());
        break;
      }
      int close = s.indexOf('}', open);
      if (close < 0) throw file.error(at, "Fn::Sub: unclosed ${ in \"" + s + "\"");
      out.append(s, i, open);
      String name = s.substring(open + 2, close);
      if (name.startsWith("!")) {
        out.append("${").append(name.substring(1)).append('}');
      } else {
        Fact<JsonNode> v = subVariable(at, name, vars);
        if (!v.isKnown()) return v;
        out.append(text(at, "Fn::Sub", v.value()));
      }
      i = close + 1;
    }
    return Fact.known(NODES.textNode(out.toString()));
  }

  private Fact<JsonNode> subVariable(JsonNode at, String name, Map<String, JsonNode> vars) throws ScanInputException {
    if (vars.containsKey(name)) return Fact.known(vars.get(name));
    if (name.contains(".") && !name.startsWith("ALIYUN::")) {
      String resource = name.substring(0, name.indexOf('.'));
      if (names.isResource(resource)) return names.attribute(resource, name.substring(name.indexOf('.') + 1));
    }
    Fact<JsonNode> p = names.parameter(name);
    if (p != null) return p;
    if (names.isResource(name)) return names.resourceId(name);
    throw file.error(at, "Fn::Sub: ${" + name + "} names no parameter, resource or variable");
  }

  private Fact<JsonNode> select(JsonNode at, JsonNode arg) throws ScanInputException {
    List<JsonNode> args = args(at, "Fn::Select", arg, 2);
    Fact<JsonNode> index = eval(args.get(0));
    Fact<JsonNode> from = eval(args.get(1));
    if (!index.isKnown()) return index;
    if (!from.isKnown()) return from;
    JsonNode list = from.value();
    if (list != null && list.isObject()) {
      JsonNode v = list.get(text(at, "Fn::Select", index.value()));
      if (v == null) throw file.error(at, "Fn::Select: no key " + index.value() + " in the map");
      return Fact.known(v);
    }
    if (list == null || !list.isArray()) throw file.error(at, "Fn::Select picks from a list or map, not " + describe(list));
    int i = integer(at, "Fn::Select", index.value());
    if (i < 0 || i >= list.size()) throw file.error(at, "Fn::Select: index " + i + " is outside the list of " + list.size());
    return Fact.known(list.get(i));
  }

  private Fact<JsonNode> split(JsonNode at, JsonNode arg) throws ScanInputException {
    List<JsonNode> args = args(at, "Fn::Split", arg, 2);
    Fact<JsonNode> d = eval(args.get(0));
    Fact<JsonNode> s = eval(args.get(1));
    if (!d.isKnown()) return d;
    if (!s.isKnown()) return s;
    String delimiter = text(at, "Fn::Split", d.value());
    if (delimiter.isEmpty()) throw file.error(at, "Fn::Split: the delimiter is empty");
    ArrayNode out = NODES.arrayNode();
    for (String part : text(at, "Fn::Split", s.value()).split(java.util.regex.Pattern.quote(delimiter), -1)) out.add(part);
    return Fact.known(out);
  }

  private Fact<JsonNode> replace(JsonNode at, JsonNode arg) throws ScanInputException {
    List<JsonNode> args = args(at, "Fn::Replace", arg, 2);
    Fact<JsonNode> pairs = eval(args.get(0));
    Fact<JsonNode> s = eval(args.get(1));
    if (!pairs.isKnown()) return pairs;
    if (!s.isKnown()) return s;
    if (pairs.value() == null || !pairs.value().isObject()) throw file.error(at, "Fn::Replace takes [{old: new}, string]");
    String out = text(at, "Fn::Replace", s.value());
    for (Iterator<Map.Entry<String, JsonNode>> it = pairs.value().fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().isEmpty()) out = out.replace(e.getKey(), text(at, "Fn::Replace", e.getValue()));
    }
    return Fact.known(NODES.textNode(out));
  }

  private Fact<JsonNode> findInMap(JsonNode at, JsonNode arg) throws ScanInputException {
    List<JsonNode> args = args(at, "Fn::FindInMap", arg, 3);
    List<String> keys = new ArrayList<>();
    for (JsonNode a : args) {
      Fact<JsonNode> v = eval(a);
      if (!v.isKnown()) return v;
      keys.add(text(at, "Fn::FindInMap", v.value()));
    }
    JsonNode v = names.mappings().path(keys.get(0)).path(keys.get(1)).get(keys.get(2));
    if (v == null) throw file.error(at, "Fn::FindInMap: Mappings has no " + String.join(" / ", keys));
    return eval(v);
  }

  private Fact<JsonNode> ifThen(JsonNode at, JsonNode arg) throws ScanInputException {
    List<JsonNode> args = args(at, "Fn::If", arg, 3);
    Fact<Boolean> c = bool(args.get(0));
    if (!c.isKnown()) return Fact.unknown(c.reason());
    return eval(c.value() ? args.get(1) : args.get(2));
  }

  private Fact<JsonNode> equals(JsonNode at, JsonNode arg) throws ScanInputException {
    List<JsonNode> args = args(at, "Fn::Equals", arg, 2);
    Fact<JsonNode> a = eval(args.get(0));
    Fact<JsonNode> b = eval(args.get(1));
    if (!a.isKnown()) return a;
    if (!b.isKnown()) return b;
    return Fact.known(NODES.booleanNode(same(a.value(), b.value())));
  }

  private Fact<JsonNode> andOr(JsonNode at, String name, JsonNode arg) throws ScanInputException {
    if (arg == null || !arg.isArray() || arg.isEmpty()) throw file.error(at, name + " takes a list of conditions");
    boolean and = name.equals("Fn::And");
    String unknown = null;
    for (JsonNode c : arg) {
      Fact<Boolean> v = bool(c);
      if (!v.isKnown()) {
        unknown = v.reason();
        continue;
      }
      if (v.value() != and) return Fact.known(NODES.booleanNode(!and));
    }
    return unknown != null ? Fact.unknown(unknown) : Fact.known(NODES.booleanNode(and));
  }

  private Fact<JsonNode> not(JsonNode at, JsonNode arg) throws ScanInputException {
    JsonNode c = arg != null && arg.isArray() && arg.size() == 1 ? arg.get(0) : arg;
    Fact<Boolean> v = bool(c);
    return v.isKnown() ? Fact.known(NODES.booleanNode(!v.value())) : Fact.unknown(v.reason());
  }

  private interface StringFn {
    String apply(String s) throws ScanInputException;
  }

  private Fact<JsonNode> string(JsonNode at, String name, JsonNode arg, StringFn f) throws ScanInputException {
    Fact<JsonNode> v = eval(arg);
    if (!v.isKnown()) return v;
    return Fact.known(NODES.textNode(f.apply(text(at, name, v.value()))));
  }

  private String decode(JsonNode at, String s) throws ScanInputException {
    try {
      return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw file.error(at, "Fn::Base64Decode: not Base64");
    }
  }

  private Fact<JsonNode> str(JsonNode at, JsonNode arg) throws ScanInputException {
    Fact<JsonNode> v = eval(arg);
    if (!v.isKnown()) return v;
    return Fact.known(NODES.textNode(text(at, "Fn::Str", v.value())));
  }

  private Fact<JsonNode> index(JsonNode at, JsonNode arg) throws ScanInputException {
    List<JsonNode> args = args(at, "Fn::Index", arg, 2);
    Fact<JsonNode> item = eval(args.get(0));
    Fact<JsonNode> list = eval(args.get(1));
    if (!item.isKnown()) return item;
    if (!list.isKnown()) return list;
    if (list.value() == null || !list.value().isArray()) throw file.error(at, "Fn::Index looks in a list, not " + describe(list.value()));
    for (int i = 0; i < list.value().size(); i++) {
      if (same(list.value().get(i), item.value())) return Fact.known(NODES.numberNode(i));
    }
    return Fact.known(NODES.numberNode(-1));
  }

  private Fact<JsonNode> length(JsonNode at, JsonNode arg) throws ScanInputException {
    Fact<JsonNode> v = eval(arg);
    if (!v.isKnown()) return v;
    JsonNode x = v.value();
    if (x != null && x.isTextual()) return Fact.known(NODES.numberNode(x.asText().length()));
    if (x != null && x.isContainerNode()) return Fact.known(NODES.numberNode(x.size()));
    throw file.error(at, "Fn::Length measures a string, list or map, not " + describe(x));
  }

  private Fact<JsonNode> listMerge(JsonNode at, JsonNode arg) throws ScanInputException {
    Fact<JsonNode> v = eval(arg);
    if (!v.isKnown()) return v;
    if (v.value() == null || !v.value().isArray()) throw file.error(at, "Fn::ListMerge takes a list of lists");
    ArrayNode out = NODES.arrayNode();
    for (JsonNode l : v.value()) {
      if (!l.isArray()) throw file.error(at, "Fn::ListMerge takes a list of lists, not " + describe(l));
      out.addAll((ArrayNode) l);
    }
    return Fact.known(out);
  }

  private Fact<JsonNode> getJsonValue(JsonNode at, JsonNode arg) throws ScanInputException {
    List<JsonNode> args = args(at, "Fn::GetJsonValue", arg, 2);
    Fact<JsonNode> key = eval(args.get(0));
    Fact<JsonNode> json = eval(args.get(1));
    if (!key.isKnown()) return key;
    if (!json.isKnown()) return json;
    JsonNode doc = json.value();
    if (doc != null && doc.isTextual()) {
      try {
        doc = FactsJson.mapper().readTree(doc.asText());
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw file.error(at, "Fn::GetJsonValue: the text is not JSON");
      }
    }
    JsonNode v = doc == null ? null : doc.get(text(at, "Fn::GetJsonValue", key.value()));
    if (v == null) throw file.error(at, "Fn::GetJsonValue: no key " + key.value());
    return Fact.known(v);
  }

  private Fact<JsonNode> add(JsonNode at, JsonNode arg) throws ScanInputException {
    Fact<JsonNode> v = eval(arg);
    if (!v.isKnown()) return v;
    if (v.value() == null || !v.value().isArray() || v.value().isEmpty()) throw file.error(at, "Fn::Add takes a list");
    JsonNode first = v.value().get(0);
    if (first.isNumber()) return Fact.known(NODES.numberNode(sum(at, v.value())));
    if (first.isArray()) return listMerge(at, v.value());
    if (first.isObject()) {
      ObjectNode out = NODES.objectNode();
      for (JsonNode m : v.value()) {
        if (!m.isObject()) throw file.error(at, "Fn::Add: cannot add " + describe(m) + " to a map");
        out.setAll((ObjectNode) m);
      }
      return Fact.known(out);
    }
    StringBuilder b = new StringBuilder();
    for (JsonNode s : v.value()) b.append(text(at, "Fn::Add", s));
    return Fact.known(NODES.textNode(b.toString()));
  }

  private BigDecimal sum(JsonNode at, JsonNode list) throws ScanInputException {
    BigDecimal total = BigDecimal.ZERO;
    for (JsonNode n : list) {
      if (!n.isNumber()) throw file.error(at, "Fn::Add: cannot add " + describe(n) + " to a number");
      total = total.add(n.decimalValue());
    }
    return total;
  }

  private Fact<JsonNode> numbers(JsonNode at, String name, JsonNode arg) throws ScanInputException {
    Fact<JsonNode> v = eval(arg);
    if (!v.isKnown()) return v;
    JsonNode list = v.value();
    if (list != null && list.isArray() && list.size() == 2 && list.get(1).isArray() && name.equals("Fn::Avg")) {
      list = list.get(1);
    }
    if (list == null || !list.isArray() || list.isEmpty()) throw file.error(at, name + " takes a list of numbers");
    BigDecimal result = null;
    for (JsonNode n : list) {
      BigDecimal x = n.isNumber() ? n.decimalValue() : parseNumber(at, name, n);
      if (result == null) result = x;
      else if (name.equals("Fn::Max")) result = result.max(x);
      else if (name.equals("Fn::Min")) result = result.min(x);
      else result = result.add(x);
    }
    if (name.equals("Fn::Avg")) result = result.divide(BigDecimal.valueOf(list.size()), java.math.MathContext.DECIMAL64);
    return Fact.known(NODES.numberNode(result));
  }

  private BigDecimal parseNumber(JsonNode at, String name, JsonNode n) throws ScanInputException {
    try {
      return new BigDecimal(n.asText());
    } catch (NumberFormatException e) {
      throw file.error(at, name + ": " + describe(n) + " is not a number");
    }
  }

  private Fact<JsonNode> contains(JsonNode at, JsonNode arg) throws ScanInputException {
    List<JsonNode> args = args(at, "Fn::Contains", arg, 2);
    Fact<JsonNode> list = eval(args.get(0));
    Fact<JsonNode> item = eval(args.get(1));
    if (!list.isKnown()) return list;
    if (!item.isKnown()) return item;
    if (list.value() == null || !list.value().isArray()) throw file.error(at, "Fn::Contains looks in a list");
    for (JsonNode e : list.value()) if (same(e, item.value())) return Fact.known(NODES.booleanNode(true));
    return Fact.known(NODES.booleanNode(false));
  }

  private Fact<JsonNode> eachMemberIn(JsonNode at, JsonNode arg) throws ScanInputException {
    List<JsonNode> args = args(at, "Fn::EachMemberIn", arg, 2);
    Fact<JsonNode> a = eval(args.get(0));
    Fact<JsonNode> b = eval(args.get(1));
    if (!a.isKnown()) return a;
    if (!b.isKnown()) return b;
    if (a.value() == null || !a.value().isArray() || b.value() == null || !b.value().isArray()) {
      throw file.error(at, "Fn::EachMemberIn takes two lists");
    }
    for (JsonNode x : a.value()) {
      boolean found = false;
      for (JsonNode y : b.value()) found |= same(x, y);
      if (!found) return Fact.known(NODES.booleanNode(false));
    }
    return Fact.known(NODES.booleanNode(true));
  }

  private List<JsonNode> args(JsonNode at, String name, JsonNode arg, int n) throws ScanInputException {
    if (arg == null || !arg.isArray() || arg.size() != n) {
      throw file.error(at, name + " takes a list of " + n + " arguments");
    }
    List<JsonNode> out = new ArrayList<>(n);
    arg.forEach(out::add);
    return out;
  }

  private String text(JsonNode at, String name, JsonNode v) throws ScanInputException {
    if (v == null || v.isNull()) return "";
    if (v.isValueNode()) return v.isNumber() ? v.numberValue().toString() : v.asText();
    throw file.error(at, name + " expects a string, not " + describe(v));
  }

  private int integer(JsonNode at, String name, JsonNode v) throws ScanInputException {
    if (v != null && v.canConvertToInt() && v.isIntegralNumber()) return v.asInt();
    if (v != null && v.isTextual() && v.asText().matches("-?[0-9]{1,9}")) return Integer.parseInt(v.asText());
    throw file.error(at, name + " expects an index, not " + describe(v));
  }

  /** ROS compares values by their text: 1 equals "1". */
  private static boolean same(JsonNode a, JsonNode b) {
    if (a == null || b == null) return a == b;
    if (a.isValueNode() && b.isValueNode()) return a.asText().equals(b.asText());
    return a.equals(b);
  }

  private String where(JsonNode at) {
    io.exportguard.facts.SourceLocation l = file.at(at, null);
    return l.fileAndLine();
  }

  static String describe(JsonNode v) {
    if (v == null || v.isNull()) return "null";
    if (v.isTextual()) return "the string \"" + v.asText() + "\"";
    return "a " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
