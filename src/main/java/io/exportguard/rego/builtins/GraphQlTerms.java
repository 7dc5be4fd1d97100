package io.exportguard.rego.builtins;

import io.exportguard.rego.builtins.GraphQlAst.Argument;
import io.exportguard.rego.builtins.GraphQlAst.ArgumentDefinition;
import io.exportguard.rego.builtins.GraphQlAst.ChildValue;
import io.exportguard.rego.builtins.GraphQlAst.Definition;
import io.exportguard.rego.builtins.GraphQlAst.Directive;
import io.exportguard.rego.builtins.GraphQlAst.DirectiveDefinition;
import io.exportguard.rego.builtins.GraphQlAst.EnumValueDefinition;
import io.exportguard.rego.builtins.GraphQlAst.Field;
import io.exportguard.rego.builtins.GraphQlAst.FieldDefinition;
import io.exportguard.rego.builtins.GraphQlAst.FragmentDefinition;
import io.exportguard.rego.builtins.GraphQlAst.FragmentSpread;
import io.exportguard.rego.builtins.GraphQlAst.InlineFragment;
import io.exportguard.rego.builtins.GraphQlAst.OperationDefinition;
import io.exportguard.rego.builtins.GraphQlAst.OperationTypeDefinition;
import io.exportguard.rego.builtins.GraphQlAst.Position;
import io.exportguard.rego.builtins.GraphQlAst.QueryDocument;
import io.exportguard.rego.builtins.GraphQlAst.SchemaDefinition;
import io.exportguard.rego.builtins.GraphQlAst.SchemaDocument;
import io.exportguard.rego.builtins.GraphQlAst.Selection;
import io.exportguard.rego.builtins.GraphQlAst.Type;
import io.exportguard.rego.builtins.GraphQlAst.ValueKind;
import io.exportguard.rego.builtins.GraphQlAst.VariableDefinition;
import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.NullValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Converts GraphQL syntax trees to Rego terms and back, in the shape OPA returns: the Go structs'
 * field names as keys, positions dropped, and every null, empty list and empty object left out (empty
 * strings and {@code false} stay). Terms given back to the builtins are read the way Go's JSON decoder
 * reads them into those structs: unknown keys are ignored, a value of the wrong type is an error, and
 * every selection is read as a field (gqlparser's selection decoder tries that first).
 */
final class GraphQlTerms {
  private GraphQlTerms() {}

  // ---- tree -> term ----

  /** Builds one object, leaving out absent and empty members. */
  private static final class Obj {
    private final TreeMap<Value, Value> map = new TreeMap<>();

    Obj put(String key, Value v) {
      if (v != null && !isEmptyComposite(v)) map.put(StringValue.of(key), v);
      return this;
    }

    Obj put(String key, String s) { return put(key, StringValue.of(s)); }

    Obj put(String key, boolean b) { return put(key, BooleanValue.of(b)); }

    ObjectValue build() { return ObjectValue.wrap(map); }
  }

  private static boolean isEmptyComposite(Value v) {
    return (v instanceof ArrayValue a && a.size() == 0) || (v instanceof ObjectValue o && o.size() == 0);
  }

  private static <T> ArrayValue list(List<T> items, Function<T, Value> each) {
    List<Value> out = new ArrayList<>();
    for (T item : items) {
      Value v = item == null ? null : each.apply(item);
      if (v != null && !isEmptyComposite(v)) out.add(v);
    }
    return ArrayValue.of(out);
  }

  private static ArrayValue strings(List<String> items) { return list(items, StringValue::of); }

  static ObjectValue term(QueryDocument doc) {
    return new Obj().put("Operations", list(doc.operations, GraphQlTerms::term))
        .put("Fragments", list(doc.fragments, GraphQlTerms::term)).build();
  }

  private static Value term(OperationDefinition op) {
    return new Obj().put("Operation", op.operation).put("Name", op.name)
        .put("VariableDefinitions", list(op.variableDefinitions, GraphQlTerms::term))
        .put("Directives", list(op.directives, GraphQlTerms::term))
        .put("SelectionSet", list(op.selectionSet, GraphQlTerms::term)).build();
  }

  private static Value term(VariableDefinition v) {
    return new Obj().put("Variable", v.variable).put("Type", term(v.type)).put("DefaultValue", term(v.defaultValue))
        .put("Directives", list(v.directives, GraphQlTerms::term)).put("Used", v.used).build();
  }

  private static Value term(FragmentDefinition f) {
    return new Obj().put("Name", f.name).put("VariableDefinition", list(f.variableDefinition, GraphQlTerms::term))
        .put("TypeCondition", f.typeCondition).put("Directives", list(f.directives, GraphQlTerms::term))
        .put("SelectionSet", list(f.selectionSet, GraphQlTerms::term)).build();
  }

  private static Value term(Selection s) {
    if (s instanceof Field f) {
      return new Obj().put("Alias", f.alias).put("Name", f.name).put("Arguments", list(f.arguments, GraphQlTerms::term))
          .put("Directives", list(f.directives, GraphQlTerms::term))
          .put("SelectionSet", list(f.selectionSet, GraphQlTerms::term)).build();
    }
    if (s instanceof FragmentSpread spread) {
      return new Obj().put("Name", spread.name).put("Directives", list(spread.directives, GraphQlTerms::term)).build();
    }
    InlineFragment inline = (InlineFragment) s;
    return new Obj().put("TypeCondition", inline.typeCondition).put("Directives", list(inline.directives, GraphQlTerms::term))
        .put("SelectionSet", list(inline.selectionSet, GraphQlTerms::term)).build();
  }

  private static Value term(Argument a) { return new Obj().put("Name", a.name).put("Value", term(a.value)).build(); }

  private static Value term(Directive d) {
    return new Obj().put("Name", d.name).put("Arguments", list(d.arguments, GraphQlTerms::term))
        .put("Location", d.location).build();
  }

  private static Value term(GraphQlAst.Value v) {
    if (v == null) return null;
    return new Obj().put("Raw", v.raw).put("Children", list(v.children, GraphQlTerms::term))
        .put("Kind", NumberValue.of(v.kind.ordinal())).build();
  }

  private static Value term(ChildValue c) { return new Obj().put("Name", c.name).put("Value", term(c.value)).build(); }

  private static Value term(Type t) {
    if (t == null) return null;
    return new Obj().put("NamedType", t.namedType).put("Elem", term(t.elem)).put("NonNull", t.nonNull).build();
  }

  static ObjectValue term(SchemaDocument doc) {
    return new Obj().put("Schema", list(doc.schema, GraphQlTerms::term))
        .put("SchemaExtension", list(doc.schemaExtension, GraphQlTerms::term))
        .put("Directives", list(doc.directives, GraphQlTerms::term))
        .put("Definitions", list(doc.definitions, GraphQlTerms::term))
        .put("Extensions", list(doc.extensions, GraphQlTerms::term)).build();
  }

  private static Value term(SchemaDefinition s) {
    return new Obj().put("Description", s.description).put("Directives", list(s.directives, GraphQlTerms::term))
        .put("OperationTypes", list(s.operationTypes, GraphQlTerms::term)).build();
  }

  private static Value term(OperationTypeDefinition o) { return new Obj().put("Operation", o.operation).put("Type", o.type).build(); }

  private static Value term(Definition d) {
    return new Obj().put("Kind", d.kind).put("Description", d.description).put("Name", d.name)
        .put("Directives", list(d.directives, GraphQlTerms::term)).put("Interfaces", strings(d.interfaces))
        .put("Fields", list(d.fields, GraphQlTerms::term)).put("Types", strings(d.types))
        .put("EnumValues", list(d.enumValues, GraphQlTerms::term)).put("BuiltIn", d.builtIn).build();
  }

  private static Value term(FieldDefinition f) {
    return new Obj().put("Description", f.description).put("Name", f.name)
        .put("Arguments", list(f.arguments, GraphQlTerms::term)).put("DefaultValue", term(f.defaultValue))
        .put("Type", term(f.type)).put("Directives", list(f.directives, GraphQlTerms::term)).build();
  }

  private static Value term(ArgumentDefinition a) {
    return new Obj().put("Description", a.description).put("Name", a.name).put("DefaultValue", term(a.defaultValue))
        .put("Type", term(a.type)).put("Directives", list(a.directives, GraphQlTerms::term)).build();
  }

  private static Value term(EnumValueDefinition e) {
    return new Obj().put("Description", e.description).put("Name", e.name)
        .put("Directives", list(e.directives, GraphQlTerms::term)).build();
  }

  private static Value term(DirectiveDefinition d) {
    return new Obj().put("Description", d.description).put("Name", d.name)
        .put("Arguments", list(d.arguments, GraphQlTerms::term)).put("Locations", strings(d.locations))
        .put("IsRepeatable", d.isRepeatable).build();
  }

  // ---- term -> tree ----

  /** Reads the members of one object as Go's JSON decoder fills a struct. */
  private static final class Fields {
    private final ObjectValue obj;
    private final boolean exactKeys;

    Fields(Value v, boolean exactKeys, String goType) {
      if (!(v instanceof ObjectValue o)) throw mismatch(v, goType);
      this.obj = o;
      this.exactKeys = exactKeys;
    }

    /** The member, or null when absent or null; Go's default decoding also matches keys ignoring case. */
    Value get(String key) {
      Value v = obj.get(key);
      if (v == null && !exactKeys) {
        for (Map.Entry<Value, Value> e : obj.entries().entrySet()) {
          if (e.getKey() instanceof StringValue s && s.value().equalsIgnoreCase(key)) {
            v = e.getValue();
            break;
          }
        }
      }
      return v instanceof NullValue ? null : v;
    }

    String string(String key) {
      Value v = get(key);
      if (v == null) return "";
      if (v instanceof StringValue s) return s.value();
      throw mismatch(v, "string");
    }

    boolean bool(String key) {
      Value v = get(key);
      if (v == null) return false;
      if (v instanceof BooleanValue b) return b.value();
      throw mismatch(v, "bool");
    }

    int integer(String key) {
      Value v = get(key);
      if (v == null) return 0;
      if (v instanceof NumberValue n && n.intValueOrNull() != null) return n.intValueOrNull();
      throw mismatch(v, "int");
    }

    <T> T one(String key, Function<Value, T> read) {
      Value v = get(key);
      return v == null ? null : read.apply(v);
    }

    <T> List<T> many(String key, Function<Value, T> read) {
      List<T> out = new ArrayList<>();
      Value v = get(key);
      if (v == null) return out;
      if (!(v instanceof ArrayValue || v instanceof SetValue)) throw mismatch(v, "slice");
      List<Value> items = v instanceof ArrayValue a ? a.items() : new ArrayList<>(((SetValue) v).items());
      for (Value item : items) {
        if (!(item instanceof NullValue)) out.add(read.apply(item));
      }
      return out;
    }

    List<String> strings(String key) {
      return many(key, v -> {
        if (v instanceof StringValue s) return s.value();
        throw mismatch(v, "string");
      });
    }

    Position position() {
      Value v = get("Position");
      if (v == null) return null;
      Fields p = new Fields(v, false, "ast.Position");
      return new Position(p.integer("Line"), p.integer("Column"));
    }
  }

  private static GraphQlError mismatch(Value v, String goType) {
    String json = v instanceof StringValue ? "string" : v instanceof NumberValue ? "number"
        : v instanceof BooleanValue ? "bool" : v instanceof ObjectValue ? "object" : "array";
    return new GraphQlError(0, 0, "json: cannot unmarshal " + json + " into Go value of type " + goType);
  }

  static QueryDocument queryDocument(ObjectValue v) {
    Fields f = new Fields(v, false, "ast.QueryDocument");
    QueryDocument doc = new QueryDocument();
    doc.operations = f.many("Operations", GraphQlTerms::operation);
    doc.fragments = f.many("Fragments", GraphQlTerms::fragment);
    return doc;
  }

  private static OperationDefinition operation(Value v) {
    Fields f = new Fields(v, true, "ast.OperationDefinition");
    OperationDefinition op = new OperationDefinition();
    op.operation = f.string("Operation");
    op.name = f.string("Name");
    op.variableDefinitions = f.many("VariableDefinitions", GraphQlTerms::variable);
    op.directives = f.many("Directives", GraphQlTerms::directive);
    op.selectionSet = f.many("SelectionSet", GraphQlTerms::selection);
    op.position = f.position();
    return op;
  }

  private static VariableDefinition variable(Value v) {
    Fields f = new Fields(v, false, "ast.VariableDefinition");
    VariableDefinition def = new VariableDefinition();
    def.variable = f.string("Variable");
    def.type = f.one("Type", GraphQlTerms::type);
    def.defaultValue = f.one("DefaultValue", GraphQlTerms::value);
    def.directives = f.many("Directives", GraphQlTerms::directive);
    def.used = f.bool("Used");
    def.position = f.position();
    if (def.type == null) def.type = new Type();
    return def;
  }

  private static FragmentDefinition fragment(Value v) {
    Fields f = new Fields(v, true, "ast.FragmentDefinition");
    FragmentDefinition def = new FragmentDefinition();
    def.name = f.string("Name");
    def.variableDefinition = f.many("VariableDefinition", GraphQlTerms::variable);
    def.typeCondition = f.string("TypeCondition");
    def.directives = f.many("Directives", GraphQlTerms::directive);
    def.selectionSet = f.many("SelectionSet", GraphQlTerms::selection);
    def.position = f.position();
    return def;
  }

  /** Every selection object reads as a field: gqlparser's decoder tries that first, and it always succeeds. */
  private static Selection selection(Value v) {
    Fields f = new Fields(v, true, "ast.Field");
    Field field = new Field();
    field.alias = f.string("Alias");
    field.name = f.string("Name");
    field.arguments = f.many("Arguments", GraphQlTerms::argument);
    field.directives = f.many("Directives", GraphQlTerms::directive);
    field.selectionSet = f.many("SelectionSet", GraphQlTerms::selection);
    field.position = f.position();
    return field;
  }

  private static Argument argument(Value v) {
    Fields f = new Fields(v, false, "ast.Argument");
    Argument a = new Argument();
    a.name = f.string("Name");
    a.value = f.one("Value", GraphQlTerms::value);
    a.position = f.position();
    if (a.value == null) a.value = new GraphQlAst.Value();
    return a;
  }

  private static Directive directive(Value v) {
    Fields f = new Fields(v, false, "ast.Directive");
    Directive d = new Directive();
    d.name = f.string("Name");
    d.arguments = f.many("Arguments", GraphQlTerms::argument);
    d.location = f.string("Location");
    d.position = f.position();
    return d;
  }

  private static GraphQlAst.Value value(Value v) {
    Fields f = new Fields(v, false, "ast.Value");
    GraphQlAst.Value out = new GraphQlAst.Value();
    out.raw = f.string("Raw");
    out.children = f.many("Children", GraphQlTerms::child);
    int kind = f.integer("Kind");
    ValueKind[] kinds = ValueKind.values();
    if (kind < 0 || kind >= kinds.length) throw new GraphQlError(0, 0, "unknown value kind " + kind);
    out.kind = kinds[kind];
    out.position = f.position();
    return out;
  }

  private static ChildValue child(Value v) {
    Fields f = new Fields(v, false, "ast.ChildValue");
    ChildValue c = new ChildValue();
    c.name = f.string("Name");
    c.value = f.one("Value", GraphQlTerms::value);
    c.position = f.position();
    if (c.value == null) c.value = new GraphQlAst.Value();
    return c;
  }

  private static Type type(Value v) {
    Fields f = new Fields(v, false, "ast.Type");
    Type t = new Type();
    t.namedType = f.string("NamedType");
    t.elem = f.one("Elem", GraphQlTerms::type);
    t.nonNull = f.bool("NonNull");
    t.position = f.position();
    return t;
  }

  static SchemaDocument schemaDocument(ObjectValue v) {
    Fields f = new Fields(v, false, "ast.SchemaDocument");
    SchemaDocument doc = new SchemaDocument();
    doc.schema = f.many("Schema", GraphQlTerms::schemaDefinition);
    doc.schemaExtension = f.many("SchemaExtension", GraphQlTerms::schemaDefinition);
    doc.directives = f.many("Directives", GraphQlTerms::directiveDefinition);
    doc.definitions = f.many("Definitions", GraphQlTerms::definition);
    doc.extensions = f.many("Extensions", GraphQlTerms::definition);
    return doc;
  }

  private static SchemaDefinition schemaDefinition(Value v) {
    Fields f = new Fields(v, false, "ast.SchemaDefinition");
    SchemaDefinition s = new SchemaDefinition();
    s.description = f.string("Description");
    s.directives = f.many("Directives", GraphQlTerms::directive);
    s.operationTypes = f.many("OperationTypes", x -> {
      Fields o = new Fields(x, false, "ast.OperationTypeDefinition");
      OperationTypeDefinition op = new OperationTypeDefinition();
      op.operation = o.string("Operation");
      op.type = o.string("Type");
      op.position = o.position();
      return op;
    });
    s.position = f.position();
    return s;
  }

  private static Definition definition(Value v) {
    Fields f = new Fields(v, false, "ast.Definition");
    Definition d = new Definition();
    d.kind = f.string("Kind");
    d.description = f.string("Description");
    d.name = f.string("Name");
    d.directives = f.many("Directives", GraphQlTerms::directive);
    d.interfaces = f.strings("Interfaces");
    d.fields = f.many("Fields", GraphQlTerms::fieldDefinition);
    d.types = f.strings("Types");
    d.enumValues = f.many("EnumValues", x -> {
      Fields e = new Fields(x, false, "ast.EnumValueDefinition");
      EnumValueDefinition ev = new EnumValueDefinition();
      ev.description = e.string("Description");
      ev.name = e.string("Name");
      ev.directives = e.many("Directives", GraphQlTerms::directive);
      ev.position = e.position();
      return ev;
    });
    d.builtIn = f.bool("BuiltIn");
    d.position = f.position();
    return d;
  }

  private static FieldDefinition fieldDefinition(Value v) {
    Fields f = new Fields(v, false, "ast.FieldDefinition");
    FieldDefinition d = new FieldDefinition();
    d.description = f.string("Description");
    d.name = f.string("Name");
    d.arguments = f.many("Arguments", GraphQlTerms::argumentDefinition);
    d.defaultValue = f.one("DefaultValue", GraphQlTerms::value);
    d.type = f.one("Type", GraphQlTerms::type);
    d.directives = f.many("Directives", GraphQlTerms::directive);
    d.position = f.position();
    if (d.type == null) d.type = new Type();
    return d;
  }

  private static ArgumentDefinition argumentDefinition(Value v) {
    Fields f = new Fields(v, false, "ast.ArgumentDefinition");
    ArgumentDefinition d = new ArgumentDefinition();
    d.description = f.string("Description");
    d.name = f.string("Name");
    d.defaultValue = f.one("DefaultValue", GraphQlTerms::value);
    d.type = f.one("Type", GraphQlTerms::type);
    d.directives = f.many("Directives", GraphQlTerms::directive);
    d.position = f.position();
    if (d.type == null) d.type = new Type();
    return d;
  }

  private static DirectiveDefinition directiveDefinition(Value v) {
    Fields f = new Fields(v, false, "ast.DirectiveDefinition");
    DirectiveDefinition d = new DirectiveDefinition();
    d.description = f.string("Description");
    d.name = f.string("Name");
    d.arguments = f.many("Arguments", GraphQlTerms::argumentDefinition);
    d.locations = f.strings("Locations");
    d.isRepeatable = f.bool("IsRepeatable");
    d.position = f.position();
    return d;
  }
}
