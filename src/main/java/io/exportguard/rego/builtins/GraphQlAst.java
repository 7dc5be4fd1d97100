package io.exportguard.rego.builtins;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GraphQL syntax tree OPA's {@code graphql.*} builtins expose, shaped like the Go structs of the
 * parser OPA embeds (gqlparser), because policies see their field names ({@code SelectionSet},
 * {@code TypeCondition}, {@code Kind}...). Nodes are mutable: schema loading merges extensions into
 * definitions and query validation annotates nodes with what they refer to ({@code definition} and
 * friends), as gqlparser does; those annotations are never part of the returned terms.
 */
final class GraphQlAst {
  private GraphQlAst() {}

  /** Where a node starts (1-based line and column, in code points); null for nodes built from terms. */
  record Position(int line, int column) {}

  // ---- documents ----

  static final class QueryDocument {
    List<OperationDefinition> operations = new ArrayList<>();
    List<FragmentDefinition> fragments = new ArrayList<>();

    FragmentDefinition fragment(String name) {
      for (FragmentDefinition f : fragments) if (f.name.equals(name)) return f;
      return null;
    }
  }

  static final class SchemaDocument {
    List<SchemaDefinition> schema = new ArrayList<>();
    List<SchemaDefinition> schemaExtension = new ArrayList<>();
    List<DirectiveDefinition> directives = new ArrayList<>();
    List<Definition> definitions = new ArrayList<>();
    List<Definition> extensions = new ArrayList<>();

    void merge(SchemaDocument other) {
      schema.addAll(other.schema);
      schemaExtension.addAll(other.schemaExtension);
      directives.addAll(other.directives);
      definitions.addAll(other.definitions);
      extensions.addAll(other.extensions);
    }
  }

  static final class SchemaDefinition {
    String description = "";
    List<Directive> directives = new ArrayList<>();
    List<OperationTypeDefinition> operationTypes = new ArrayList<>();
    Position position;
  }

  static final class OperationTypeDefinition {
    String operation = "";
    String type = "";
    Position position;
  }

  // ---- executable definitions ----

  static final class OperationDefinition {
    String operation = "";
    String name = "";
    List<VariableDefinition> variableDefinitions = new ArrayList<>();
    List<Directive> directives = new ArrayList<>();
    List<Selection> selectionSet = new ArrayList<>();
    Position position;

    VariableDefinition variable(String name) {
      for (VariableDefinition v : variableDefinitions) if (v.variable.equals(name)) return v;
      return null;
    }
  }

  static final class VariableDefinition {
    String variable = "";
    Type type;
    Value defaultValue;
    List<Directive> directives = new ArrayList<>();
    Position position;
    /** Set by validation. */
    Definition definition;
    boolean used;
  }

  static final class FragmentDefinition {
    String name = "";
    /** Fragment variables: experimental in gqlparser, kept under its singular field name. */
    List<VariableDefinition> variableDefinition = new ArrayList<>();
    String typeCondition = "";
    List<Directive> directives = new ArrayList<>();
    List<Selection> selectionSet = new ArrayList<>();
    Position position;
    /** Set by validation. */
    Definition definition;
  }

  /** A field, fragment spread or inline fragment. */
  sealed interface Selection permits Field, FragmentSpread, InlineFragment {
    Position position();
  }

  static final class Field implements Selection {
    String alias = "";
    String name = "";
    List<Argument> arguments = new ArrayList<>();
    List<Directive> directives = new ArrayList<>();
    List<Selection> selectionSet = new ArrayList<>();
    Position position;
    /** Set by validation. */
    FieldDefinition definition;
    Definition objectDefinition;

    @Override public Position position() { return position; }

    String responseName() { return alias.isEmpty() ? name : alias; }
  }

  static final class FragmentSpread implements Selection {
    String name = "";
    List<Directive> directives = new ArrayList<>();
    Position position;
    /** Set by validation. */
    Definition objectDefinition;
    FragmentDefinition definition;

    @Override public Position position() { return position; }
  }

  static final class InlineFragment implements Selection {
    String typeCondition = "";
    List<Directive> directives = new ArrayList<>();
    List<Selection> selectionSet = new ArrayList<>();
    Position position;
    /** Set by validation. */
    Definition objectDefinition;

    @Override public Position position() { return position; }
  }

  static final class Argument {
    String name = "";
    Value value;
    Position position;
  }

  static final class Directive {
    String name = "";
    List<Argument> arguments = new ArrayList<>();
    Position position;
    /** Set by validation ({@code Location} is part of the returned term, empty until then). */
    Definition parentDefinition;
    DirectiveDefinition definition;
    String location = "";
  }

  // ---- values and types ----

  /** gqlparser's value kinds, in its order: policies see the ordinal as {@code Kind}. */
  enum ValueKind { VARIABLE, INT, FLOAT, STRING, BLOCK, BOOLEAN, NULL, ENUM, LIST, OBJECT }

  static final class Value {
    String raw = "";
    List<ChildValue> children = new ArrayList<>();
    ValueKind kind = ValueKind.VARIABLE;
    Position position;
    /** Set by validation. */
    Definition definition;
    VariableDefinition variableDefinition;
    Type expectedType;

    ChildValue child(String name) {
      for (ChildValue c : children) if (c.name.equals(name)) return c;
      return null;
    }

    /** gqlparser's printed form, used in validation messages. */
    @Override public String toString() {
      switch (kind) {
        case VARIABLE: return "$" + raw;
        case STRING: case BLOCK: return GoFmt.quoteString(raw);
        case LIST: {
          List<String> items = new ArrayList<>();
          for (ChildValue c : children) items.add(String.valueOf(c.value));
          return "[" + String.join(",", items) + "]";
        }
        case OBJECT: {
          List<String> items = new ArrayList<>();
          for (ChildValue c : children) items.add(c.name + ":" + c.value);
          return "{" + String.join(",", items) + "}";
        }
        default: return raw;
      }
    }
  }

  static final class ChildValue {
    String name = "";
    Value value;
    Position position;
  }

  /** A type reference: a named type, or a list of {@code elem}; either may be non-null. */
  static final class Type {
    String namedType = "";
    Type elem;
    boolean nonNull;
    Position position;

    static Type named(String name, boolean nonNull) {
      Type t = new Type();
      t.namedType = name;
      t.nonNull = nonNull;
      return t;
    }

    String name() { return !namedType.isEmpty() || elem == null ? namedType : elem.name(); }

    @Override public String toString() {
      String bang = nonNull ? "!" : "";
      return !namedType.isEmpty() || elem == null ? namedType + bang : "[" + elem + "]" + bang;
    }

    /** Whether a variable of this type may be used where {@code other} is expected. */
    boolean isCompatible(Type other) {
      if (!namedType.equals(other.namedType)) return false;
      if (elem != null && other.elem == null) return false;
      if (elem != null && !elem.isCompatible(other.elem)) return false;
      return !other.nonNull || nonNull;
    }
  }

  // ---- type system definitions ----

  static final String SCALAR = "SCALAR";
  static final String OBJECT = "OBJECT";
  static final String INTERFACE = "INTERFACE";
  static final String UNION = "UNION";
  static final String ENUM = "ENUM";
  static final String INPUT_OBJECT = "INPUT_OBJECT";

  /** Every named type (and type extension): gqlparser keeps them all in one struct. */
  static final class Definition {
    String kind = "";
    String description = "";
    String name = "";
    List<Directive> directives = new ArrayList<>();
    List<String> interfaces = new ArrayList<>();
    List<FieldDefinition> fields = new ArrayList<>();
    List<String> types = new ArrayList<>();
    List<EnumValueDefinition> enumValues = new ArrayList<>();
    Position position;
    boolean builtIn;

    FieldDefinition field(String fieldName) {
      for (FieldDefinition f : fields) if (f.name.equals(fieldName)) return f;
      return null;
    }

    boolean isLeafType() { return kind.equals(ENUM) || kind.equals(SCALAR); }

    boolean isAbstractType() { return kind.equals(INTERFACE) || kind.equals(UNION); }

    boolean isCompositeType() { return kind.equals(OBJECT) || kind.equals(INTERFACE) || kind.equals(UNION); }

    boolean isInputType() { return kind.equals(SCALAR) || kind.equals(ENUM) || kind.equals(INPUT_OBJECT); }

    boolean isOneOf(String... names) { return List.of(names).contains(name); }
  }

  static final class FieldDefinition {
    String description = "";
    String name = "";
    List<ArgumentDefinition> arguments = new ArrayList<>();
    Value defaultValue;
    Type type;
    List<Directive> directives = new ArrayList<>();
    Position position;

    ArgumentDefinition argument(String argName) { return GraphQlAst.argument(arguments, argName); }
  }

  static final class ArgumentDefinition {
    String description = "";
    String name = "";
    Value defaultValue;
    Type type;
    List<Directive> directives = new ArrayList<>();
    Position position;
  }

  static final class EnumValueDefinition {
    String description = "";
    String name = "";
    List<Directive> directives = new ArrayList<>();
    Position position;
  }

  static final class DirectiveDefinition {
    String description = "";
    String name = "";
    List<ArgumentDefinition> arguments = new ArrayList<>();
    List<String> locations = new ArrayList<>();
    boolean isRepeatable;
    Position position;

    ArgumentDefinition argument(String argName) { return GraphQlAst.argument(arguments, argName); }
  }

  static ArgumentDefinition argument(List<ArgumentDefinition> args, String name) {
    for (ArgumentDefinition a : args) if (a.name.equals(name)) return a;
    return null;
  }

  /** A loaded, validated schema: the types by name and the root operation types. */
  static final class Schema {
    Definition query;
    Definition mutation;
    Definition subscription;
    final Map<String, Definition> types = new LinkedHashMap<>();
    final Map<String, DirectiveDefinition> directives = new LinkedHashMap<>();
    final Map<String, List<Definition>> possibleTypes = new LinkedHashMap<>();
    final Map<String, List<Definition>> implementsTypes = new LinkedHashMap<>();
    String description = "";

    List<Definition> possibleTypes(Definition def) { return possibleTypes.getOrDefault(def.name, List.of()); }

    Definition root(String operation) {
      switch (operation) {
        case "mutation": return mutation;
        case "subscription": return subscription;
        default: return query;
      }
    }
  }
}
