package io.exportguard.rego.builtins;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.NullValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compiled JSON Schema (drafts 4, 6 and 7, as the gojsonschema library OPA embeds reads them) and
 * its validation, with that library's error types and texts ({@code (root): name is required},
 * {@code Invalid type. Expected: string, given: integer}). Local {@code $ref}s resolve; remote ones
 * are refused, since a schema from input must not make the engine fetch URLs.
 */
final class JsonSchema {
  private static final Set<String> TYPES = Set.of("array", "boolean", "integer", "number", "null", "object", "string");

  /** A schema that cannot be compiled, with gojsonschema's text. */
  static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Invalid(String message) { super(message, null, false, false); }
  }

  /** One validation error: gojsonschema's type, field (context without "(root)."), description. */
  record Error(String type, String field, String description) {
    String text() { return field + ": " + description; }
  }

  private final Value root;
  /** Subschemas by identity; refs compile lazily, possibly from several threads (the schema is cached). */
  private final Map<Value, Node> compiled = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

  private JsonSchema(Value root) { this.root = root; }

  static JsonSchema compile(Value schema) {
    JsonSchema s = new JsonSchema(schema);
    s.node(schema);
    return s;
  }

  /** One subschema, its keywords checked. */
  private final class Node {
    Boolean pass;
    Value ref;
    List<String> types = new ArrayList<>();
    ObjectValue keywords = ObjectValue.EMPTY;

    Value get(String k) { return keywords.get(k); }
  }

  private Node node(Value v) {
    Node cached = compiled.get(v);
    if (cached != null) return cached;
    Node n = new Node();
    compiled.put(v, n);
    if (v instanceof BooleanValue b) {
      n.pass = b.value();
      return n;
    }
    if (!(v instanceof ObjectValue o)) throw new Invalid("Invalid JSON, expected object or boolean");
    n.keywords = o;
    if (o.get("$ref") instanceof StringValue ref) {
      n.ref = resolve(ref.value());
      return n;
    }
    Value type = o.get("type");
    if (type instanceof StringValue t) {
      addType(n, t.value());
    } else if (type instanceof ArrayValue ts) {
      for (Value t : ts.items()) {
        if (!(t instanceof StringValue st)) throw new Invalid("type must be of type string/array");
        addType(n, st.value());
      }
    } else if (type != null) {
      throw new Invalid("type must be of type string/array");
    }
    for (String k : List.of("minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties")) {
      Value x = o.get(k);
      if (x == null) continue;
      if (!(x instanceof NumberValue nv) || !nv.isInteger()) throw new Invalid(k + " must be of type integer");
      if (nv.value().signum() < 0) throw new Invalid(k + " must be greater than or equal to 0");
    }
    if (o.get("pattern") != null) {
      if (!(o.get("pattern") instanceof StringValue p)) throw new Invalid("pattern must be of type string");
      try {
        com.google.re2j.Pattern.compile(p.value());
      } catch (com.google.re2j.PatternSyntaxException e) {
        throw new Invalid("pattern must be a valid regex");
      }
    }
    if (o.get("multipleOf") instanceof NumberValue m && m.value().signum() <= 0) {
      throw new Invalid("multipleOf must be strictly greater than 0");
    }
    if (o.get("required") != null && !stringArray(o.get("required"))) throw new Invalid("required must be of an array of strings");
    if (o.get("enum") != null && !(o.get("enum") instanceof ArrayValue)) throw new Invalid("enum must be of type array");
    for (String k : List.of("properties", "patternProperties", "definitions", "$defs")) {
      Value x = o.get(k);
      if (x == null) continue;
      if (!(x instanceof ObjectValue props)) throw new Invalid(k + " must be of type object");
      for (Value sub : props.entries().values()) node(sub);
    }
    for (String k : List.of("allOf", "anyOf", "oneOf")) {
      Value x = o.get(k);
      if (x == null) continue;
      if (!(x instanceof ArrayValue arr) || arr.size() == 0) throw new Invalid(k + " must be of an array of schemas");
      for (Value sub : arr.items()) node(sub);
    }
    for (String k : List.of("not", "additionalProperties", "additionalItems", "contains", "propertyNames", "if", "then",
        "else")) {
      Value x = o.get(k);
      if (x != null) node(x);
    }
    Value items = o.get("items");
    if (items instanceof ArrayValue arr) for (Value sub : arr.items()) node(sub);
    else if (items != null) node(items);
    if (o.get("dependencies") instanceof ObjectValue deps) {
      for (Value d : deps.entries().values()) if (!(d instanceof ArrayValue)) node(d);
    }
    return n;
  }

  private static void addType(Node n, String t) {
    if (!TYPES.contains(t)) {
      throw new Invalid("has a primitive type that is NOT VALID -- given: " + t
          + " Expected valid values are:[array boolean integer number null object string]");
    }
    if (n.types.contains(t)) throw new Invalid(t + " type is duplicated");
    n.types.add(t);
  }

  private static boolean stringArray(Value v) {
    if (!(v instanceof ArrayValue a)) return false;
    for (Value x : a.items()) if (!(x instanceof StringValue)) return false;
    return true;
  }

  /** A local reference: {@code #}, or a JSON pointer below it. */
  private Value resolve(String ref) {
    if (!ref.startsWith("#")) throw new Invalid("remote references are not allowed: " + ref);
    Value cur = root;
    String pointer = ref.substring(1);
    if (!pointer.isEmpty()) {
      for (Value seg : JsonPaths.pointer(pointer)) {
        String key = java.net.URLDecoder.decode(((StringValue) seg).value(), java.nio.charset.StandardCharsets.UTF_8);
        if (cur instanceof ObjectValue o) cur = o.get(key);
        else if (cur instanceof ArrayValue a && key.matches("\\d+") && Integer.parseInt(key) < a.size()) cur = a.get(Integer.parseInt(key));
        else cur = null;
        if (cur == null) throw new Invalid("Object has no key '" + key + "'");
      }
    }
    return cur;
  }

  // ---- validation ----

  /** Errors and gojsonschema's score (how much of a subschema matched), for picking the closest branch. */
  private static final class Result {
    final List<Error> errors = new ArrayList<>();
    int score;

    void merge(Result other) {
      errors.addAll(other.errors);
      score += other.score;
    }

    boolean valid() { return errors.isEmpty(); }
  }

  List<Error> validate(Value document) {
    Result r = new Result();
    validate(node(root), document, r, "(root)");
    return r.errors;
  }

  private Result sub(Node n, Value v, String context) {
    Result r = new Result();
    validate(n, v, r, context);
    return r;
  }

  private static void add(Result r, String type, String context, String description) {
    String field = context.equals("(root)") ? "(root)" : context.substring("(root).".length());
    r.errors.add(new Error(type, field, description.replace("{field}", field)));
  }

  private static String typeOf(Value v) {
    if (v instanceof NullValue) return "null";
    if (v instanceof NumberValue n) return n.isInteger() ? "integer" : "number";
    if (v instanceof StringValue) return "string";
    if (v instanceof BooleanValue) return "boolean";
    if (v instanceof ObjectValue) return "object";
    return "array";
  }

  private void validate(Node n, Value v, Result r, String context) {
    if (n.pass != null) {
      if (!n.pass) add(r, "false", context, "False always fails validation");
      return;
    }
    if (n.ref != null) {
      validate(node(n.ref), v, r, context);
      return;
    }
    if (!n.types.isEmpty()) {
      String given = typeOf(v);
      boolean ok = n.types.contains(given) || (given.equals("integer") && n.types.contains("number"));
      if (!ok) {
        String expected = n.types.size() == 1 ? n.types.get(0) : "[" + String.join(",", n.types) + "]";
        add(r, "invalid_type", context, "Invalid type. Expected: " + expected + ", given: " + given);
        return;
      }
    }
    validateSchema(n, v, r, context);
    if (v instanceof NumberValue num) validateNumber(n, num, r, context);
    if (v instanceof ArrayValue a) validateArray(n, a, r, context);
    if (v instanceof ObjectValue o) validateObject(n, o, r, context);
    validateCommon(n, v, r, context);
    if (v instanceof StringValue s) validateString(n, s.value(), r, context);
    if (v instanceof ObjectValue o && n.get("properties") instanceof ObjectValue props) {
      for (Map.Entry<Value, Value> p : props.entries().entrySet()) {
        Value child = o.get(p.getKey());
        if (child != null) validate(node(p.getValue()), child, r, context + "." + ((StringValue) p.getKey()).value());
      }
    }
    r.score++;
  }

  private void validateSchema(Node n, Value v, Result r, String context) {
    if (n.get("anyOf") instanceof ArrayValue anyOf) {
      Result best = null;
      boolean ok = false;
      for (Value s : anyOf.items()) {
        Result res = sub(node(s), v, context);
        if (res.valid()) {
          ok = true;
          break;
        }
        if (best == null || res.score > best.score) best = res;
      }
      if (!ok) {
        add(r, "number_any_of", context, "Must validate at least one schema (anyOf)");
        if (best != null) r.merge(best);
      }
    }
    if (n.get("oneOf") instanceof ArrayValue oneOf) {
      int valid = 0;
      Result best = null;
      for (Value s : oneOf.items()) {
        Result res = sub(node(s), v, context);
        if (res.valid()) valid++;
        else if (valid == 0 && (best == null || res.score > best.score)) best = res;
      }
      if (valid != 1) {
        add(r, "number_one_of", context, "Must validate one and only one schema (oneOf)");
        if (valid == 0 && best != null) r.merge(best);
      }
    }
    if (n.get("allOf") instanceof ArrayValue allOf) {
      int valid = 0;
      for (Value s : allOf.items()) {
        Result res = sub(node(s), v, context);
        if (res.valid()) valid++;
        r.merge(res);
      }
      if (valid != allOf.size()) add(r, "number_all_of", context, "Must validate all the schemas (allOf)");
    }
    if (n.get("not") != null && sub(node(n.get("not")), v, context).valid()) {
      add(r, "number_not", context, "Must not validate the schema (not)");
    }
    if (v instanceof ObjectValue o && n.get("dependencies") instanceof ObjectValue deps) {
      for (Value key : o.entries().keySet()) {
        Value dep = deps.get(key);
        if (dep instanceof ArrayValue names) {
          for (Value name : names.items()) {
            if (o.get(name) == null) add(r, "missing_dependency", context, "Has a dependency on " + ((StringValue) name).value());
          }
        } else if (dep != null) {
          validate(node(dep), v, r, context);
        }
      }
    }
    if (n.get("if") != null) {
      boolean ifValid = sub(node(n.get("if")), v, context).valid();
      String branch = ifValid ? "then" : "else";
      if (n.get(branch) != null) {
        Result res = sub(node(n.get(branch)), v, context);
        if (!res.valid()) {
          add(r, "condition_" + branch, context, ifValid ? "Must validate \"then\" as \"if\" was valid"
              : "Must validate \"else\" as \"if\" was not valid");
          r.merge(res);
        }
      }
    }
    r.score++;
  }

  private void validateCommon(Node n, Value v, Result r, String context) {
    if (n.get("const") != null && !sameJson(n.get("const"), v)) {
      add(r, "const", context, "{field} does not match: " + GoJson.compact(n.get("const")));
    }
    if (n.get("enum") instanceof ArrayValue allowed) {
      boolean found = false;
      List<String> texts = new ArrayList<>();
      for (Value a : allowed.items()) {
        texts.add(GoJson.compact(a));
        found |= sameJson(a, v);
      }
      if (!found) {
        add(r, "enum", context, "{field} must be one of the following: " + (texts.isEmpty() ? "(none)" : String.join(", ", texts)));
      }
    }
    if (n.get("format") instanceof StringValue f && v instanceof StringValue s && !JsonSchemaFormats.matches(f.value(), s.value())) {
      add(r, "format", context, "Does not match format '" + f.value() + "'");
    }
    r.score++;
  }

  /** JSON equality: numbers by value (1 and 1.0 are the same), sets as arrays. */
  private static boolean sameJson(Value a, Value b) {
    return io.exportguard.rego.value.Json.parse(GoJson.compact(a)).equals(io.exportguard.rego.value.Json.parse(GoJson.compact(b)));
  }

  private void validateArray(Node n, ArrayValue a, Result r, String context) {
    Value items = n.get("items");
    if (items != null && !(items instanceof ArrayValue)) {
      for (int i = 0; i < a.size(); i++) r.merge(sub(node(items), a.get(i), context + "." + i));
    } else if (items instanceof ArrayValue tuple && tuple.size() > 0) {
      for (int i = 0; i < tuple.size() && i < a.size(); i++) r.merge(sub(node(tuple.get(i)), a.get(i), context + "." + i));
      if (tuple.size() < a.size()) {
        Value extra = n.get("additionalItems");
        if (extra instanceof BooleanValue b && !b.value()) {
          add(r, "array_no_additional_items", context, "No additional items allowed on array");
        } else if (extra instanceof ObjectValue) {
          for (int i = tuple.size(); i < a.size(); i++) r.merge(sub(node(extra), a.get(i), context + "." + i));
        }
      }
    }
    if (n.get("minItems") instanceof NumberValue min && a.size() < min.value().intValue()) {
      add(r, "array_min_items", context, "Array must have at least " + min + " items");
    }
    if (n.get("maxItems") instanceof NumberValue max && a.size() > max.value().intValue()) {
      add(r, "array_max_items", context, "Array must have at most " + max + " items");
    }
    if (n.get("uniqueItems") instanceof BooleanValue u && u.value()) {
      Map<String, Integer> seen = new LinkedHashMap<>();
      for (int j = 0; j < a.size(); j++) {
        String key = io.exportguard.rego.value.Json.parse(GoJson.compact(a.get(j))).toString();
        if (seen.containsKey(key)) add(r, "unique", context, "array items must be unique");
        seen.put(key, j);
      }
    }
    if (n.get("contains") != null) {
      boolean ok = false;
      Result best = null;
      for (int i = 0; i < a.size(); i++) {
        Result res = sub(node(n.get("contains")), a.get(i), context + "." + i);
        if (res.valid()) {
          ok = true;
          break;
        }
        if (best == null || res.score > best.score) best = res;
      }
      if (!ok) {
        add(r, "contains", context, "At least one of the items must match");
        if (best != null) r.merge(best);
      }
    }
    r.score++;
  }

  private void validateObject(Node n, ObjectValue o, Result r, String context) {
    if (n.get("minProperties") instanceof NumberValue min && o.size() < min.value().intValue()) {
      add(r, "array_min_properties", context, "Must have at least " + min + " properties");
    }
    if (n.get("maxProperties") instanceof NumberValue max && o.size() > max.value().intValue()) {
      add(r, "array_max_properties", context, "Must have at most " + max + " properties");
    }
    if (n.get("required") instanceof ArrayValue required) {
      for (Value p : required.items()) {
        if (o.get(p) != null) r.score++;
        else add(r, "required", context, ((StringValue) p).value() + " is required");
      }
    }
    ObjectValue props = n.get("properties") instanceof ObjectValue p ? p : ObjectValue.EMPTY;
    ObjectValue patterns = n.get("patternProperties") instanceof ObjectValue p ? p : ObjectValue.EMPTY;
    for (Map.Entry<Value, Value> e : o.entries().entrySet()) {
      String key = e.getKey() instanceof StringValue s ? s.value() : GoJson.compact(e.getKey());
      boolean matched = false;
      for (Map.Entry<Value, Value> pp : patterns.entries().entrySet()) {
        if (com.google.re2j.Pattern.compile(((StringValue) pp.getKey()).value()).matcher(key).find()) {
          matched = true;
          r.merge(sub(node(pp.getValue()), e.getValue(), context + "." + key));
        }
      }
      if (matched) r.score++;
      if (props.get(e.getKey()) != null || matched) continue;
      Value extra = n.get("additionalProperties");
      if (extra instanceof BooleanValue b && !b.value()) {
        add(r, "additional_property_not_allowed", context, "Additional property " + key + " is not allowed");
      } else if (extra instanceof ObjectValue) {
        r.merge(sub(node(extra), e.getValue(), context + "." + key));
      }
    }
    if (n.get("propertyNames") != null) {
      for (Value k : o.entries().keySet()) {
        Result res = sub(node(n.get("propertyNames")), k, context);
        if (!res.valid()) {
          add(r, "invalid_property_name", context, "Property name of \"" + ((StringValue) k).value() + "\" does not match");
          r.merge(res);
        }
      }
    }
    r.score++;
  }

  private void validateString(Node n, String s, Result r, String context) {
    int length = s.codePointCount(0, s.length());
    if (n.get("minLength") instanceof NumberValue min && length < min.value().intValue()) {
      add(r, "string_gte", context, "String length must be greater than or equal to " + min);
    }
    if (n.get("maxLength") instanceof NumberValue max && length > max.value().intValue()) {
      add(r, "string_lte", context, "String length must be less than or equal to " + max);
    }
    if (n.get("pattern") instanceof StringValue p && !com.google.re2j.Pattern.compile(p.value()).matcher(s).find()) {
      add(r, "pattern", context, "Does not match pattern '" + p.value() + "'");
    }
    r.score++;
  }

  private void validateNumber(Node n, NumberValue num, Result r, String context) {
    BigDecimal x = num.value();
    if (n.get("multipleOf") instanceof NumberValue m) {
      BigDecimal[] qr = x.divideAndRemainder(m.value());
      if (qr[1].signum() != 0) add(r, "multiple_of", context, "Must be a multiple of " + bigFloat(m.value()));
    }
    boolean draft4ExclusiveMax = n.get("exclusiveMaximum") instanceof BooleanValue bx && bx.value();
    boolean draft4ExclusiveMin = n.get("exclusiveMinimum") instanceof BooleanValue bn && bn.value();
    if (n.get("maximum") instanceof NumberValue max) {
      if (draft4ExclusiveMax ? x.compareTo(max.value()) >= 0 : x.compareTo(max.value()) > 0) {
        add(r, draft4ExclusiveMax ? "number_lt" : "number_lte", context,
            (draft4ExclusiveMax ? "Must be less than " : "Must be less than or equal to ") + bigFloat(max.value()));
      }
    }
    if (n.get("exclusiveMaximum") instanceof NumberValue emax && x.compareTo(emax.value()) >= 0) {
      add(r, "number_lt", context, "Must be less than " + bigFloat(emax.value()));
    }
    if (n.get("minimum") instanceof NumberValue min) {
      if (draft4ExclusiveMin ? x.compareTo(min.value()) <= 0 : x.compareTo(min.value()) < 0) {
        add(r, draft4ExclusiveMin ? "number_gt" : "number_gte", context,
            (draft4ExclusiveMin ? "Must be greater than " : "Must be greater than or equal to ") + bigFloat(min.value()));
      }
    }
    if (n.get("exclusiveMinimum") instanceof NumberValue emin && x.compareTo(emin.value()) <= 0) {
      add(r, "number_gt", context, "Must be greater than " + bigFloat(emin.value()));
    }
    r.score++;
  }

  /** Go's big.Float String(): %g with 10 significant digits. */
  static String bigFloat(BigDecimal d) {
    BigDecimal rounded = d.round(new java.math.MathContext(10)).stripTrailingZeros();
    if (rounded.signum() == 0) return "0";
    int exponent = rounded.precision() - rounded.scale() - 1;
    if (exponent < -4 || exponent >= 10) {
      String digits = rounded.unscaledValue().abs().toString();
      String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String sign = rounded.signum() < 0 ? "-" : "";
      return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
    return rounded.toPlainString();
  }

  static Value errorsTerm(List<Error> errors) {
    List<Value> out = new ArrayList<>();
    for (Error e : errors) {
      out.add(ObjectValue.builder().put("error", StringValue.of(e.text())).put("type", StringValue.of(e.type()))
          .put("field", StringValue.of(e.field())).put("desc", StringValue.of(e.description())).build());
    }
    return ArrayValue.of(out);
  }
}
