package io.exportguard.rego.builtins;

import io.exportguard.rego.builtins.GraphQlAst.ArgumentDefinition;
import io.exportguard.rego.builtins.GraphQlAst.Definition;
import io.exportguard.rego.builtins.GraphQlAst.Directive;
import io.exportguard.rego.builtins.GraphQlAst.DirectiveDefinition;
import io.exportguard.rego.builtins.GraphQlAst.FieldDefinition;
import io.exportguard.rego.builtins.GraphQlAst.OperationTypeDefinition;
import io.exportguard.rego.builtins.GraphQlAst.Position;
import io.exportguard.rego.builtins.GraphQlAst.Schema;
import io.exportguard.rego.builtins.GraphQlAst.SchemaDefinition;
import io.exportguard.rego.builtins.GraphQlAst.SchemaDocument;
import io.exportguard.rego.builtins.GraphQlAst.Type;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a schema document into a {@link Schema} the query validator can use, checking it as
 * gqlparser's {@code ValidateSchemaDocument} does: the built-in scalars, directives and introspection
 * types (the prelude) come first, extensions merge into their types (an extension of an unknown type
 * declares it), root operation types are resolved, then every type and directive is checked in
 * name order and the first problem is the error.
 */
final class GraphQlSchemaLoader {
  private static final String PRELUDE_RESOURCE = "graphql-prelude.graphql";
  private static final Set<String> BUILTIN_DIRECTIVES = Set.of("include", "skip", "deprecated", "specifiedBy");
  private static volatile String preludeSource;

  private GraphQlSchemaLoader() {}

  /** Merges the prelude and the document (which this mutates, as gqlparser does) into a checked schema. */
  static Schema load(SchemaDocument document) {
    SchemaDocument merged = prelude();
    merged.merge(document);
    return validate(merged);
  }

  /** A fresh parse of the prelude every time: loading mutates the definitions it is given. */
  private static SchemaDocument prelude() {
    String src = preludeSource;
    if (src == null) {
      try (InputStream in = GraphQlSchemaLoader.class.getResourceAsStream(PRELUDE_RESOURCE)) {
        if (in == null) throw new IllegalStateException("missing resource " + PRELUDE_RESOURCE);
        src = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      preludeSource = src;
    }
    SchemaDocument doc = GraphQlParser.parseSchema(src);
    for (Definition d : doc.definitions) d.builtIn = true;
    return doc;
  }

  private static Schema validate(SchemaDocument doc) {
    Schema schema = new Schema();
    for (Definition def : doc.definitions) {
      if (schema.types.containsKey(def.name)) throw new GraphQlError(def.position, "Cannot redeclare type " + def.name + ".");
      schema.types.put(def.name, def);
    }
    List<Definition> defs = new ArrayList<>(doc.definitions);
    for (Definition ext : doc.extensions) {
      Definition def = schema.types.get(ext.name);
      if (def == null) {
        def = new Definition();
        def.kind = ext.kind;
        def.name = ext.name;
        def.position = ext.position;
        schema.types.put(ext.name, def);
        defs.add(def);
      }
      if (!def.kind.equals(ext.kind)) {
        throw new GraphQlError(ext.position, "Cannot extend type " + ext.name + " because the base type is a "
            + def.kind + ", not " + ext.kind + ".");
      }
      def.directives.addAll(ext.directives);
      def.interfaces.addAll(ext.interfaces);
      def.fields.addAll(ext.fields);
      def.types.addAll(ext.types);
      def.enumValues.addAll(ext.enumValues);
    }
    for (Definition def : defs) recordPossibleTypes(schema, def);

    for (DirectiveDefinition dir : doc.directives) {
      if (schema.directives.containsKey(dir.name)) {
        // The spec lets SDL redefine the built-in directives; the first definition wins.
        if (!BUILTIN_DIRECTIVES.contains(dir.name)) {
          throw new GraphQlError(dir.position, "Cannot redeclare directive " + dir.name + ".");
        }
      }
      schema.directives.put(dir.name, dir);
    }

    if (doc.schema.size() > 1) {
      throw new GraphQlError(doc.schema.get(1).position,
          "Cannot have multiple schema entry points, consider schema extensions instead.");
    }
    if (doc.schema.size() == 1) {
      schema.description = doc.schema.get(0).description;
      setRoots(schema, doc.schema.get(0));
    }
    for (SchemaDefinition ext : doc.schemaExtension) setRoots(schema, ext);

    for (String name : new TreeSet<>(schema.types.keySet())) validateDefinition(schema, schema.types.get(name));
    for (String name : new TreeSet<>(schema.directives.keySet())) {
      DirectiveDefinition dir = schema.directives.get(name);
      validateName(dir.position, dir.name);
      validateArgs(schema, dir.arguments, dir);
    }

    if (doc.schema.isEmpty()) {
      if (schema.query == null) schema.query = schema.types.get("Query");
      if (schema.mutation == null) schema.mutation = schema.types.get("Mutation");
      if (schema.subscription == null) schema.subscription = schema.types.get("Subscription");
    }
    if (schema.query != null) addIntrospectionFields(schema.query);
    return schema;
  }

  private static void recordPossibleTypes(Schema schema, Definition def) {
    switch (def.kind) {
      case GraphQlAst.UNION:
        for (String t : def.types) {
          addTo(schema.possibleTypes, def.name, schema.types.get(t));
          addTo(schema.implementsTypes, t, def);
        }
        break;
      case GraphQlAst.INPUT_OBJECT:
      case GraphQlAst.OBJECT:
        for (String intf : def.interfaces) {
          addTo(schema.possibleTypes, intf, def);
          addTo(schema.implementsTypes, def.name, schema.types.get(intf));
        }
        addTo(schema.possibleTypes, def.name, def);
        break;
      case GraphQlAst.INTERFACE:
        for (String intf : def.interfaces) {
          addTo(schema.possibleTypes, intf, def);
          addTo(schema.implementsTypes, def.name, schema.types.get(intf));
        }
        break;
      default:
    }
  }

  private static void addTo(java.util.Map<String, List<Definition>> map, String key, Definition def) {
    if (def == null) return; // a member or interface that does not exist: validation reports it
    map.computeIfAbsent(key, k -> new ArrayList<>()).add(def);
  }

  private static void setRoots(Schema schema, SchemaDefinition def) {
    for (OperationTypeDefinition entry : def.operationTypes) {
      Definition type = schema.types.get(entry.type);
      if (type == null) {
        throw new GraphQlError(entry.position, "Schema root " + entry.operation + " refers to a type " + entry.type
            + " that does not exist.");
      }
      switch (entry.operation) {
        case "query": schema.query = type; break;
        case "mutation": schema.mutation = type; break;
        case "subscription": schema.subscription = type; break;
        default:
      }
    }
  }

  /** The {@code __schema} and {@code __type(name:)} meta fields every query root answers. */
  private static void addIntrospectionFields(Definition query) {
    FieldDefinition schemaField = new FieldDefinition();
    schemaField.name = "__schema";
    schemaField.type = Type.named("__Schema", true);
    FieldDefinition typeField = new FieldDefinition();
    typeField.name = "__type";
    typeField.type = Type.named("__Type", false);
    ArgumentDefinition nameArg = new ArgumentDefinition();
    nameArg.name = "name";
    nameArg.type = Type.named("String", true);
    typeField.arguments.add(nameArg);
    query.fields.add(schemaField);
    query.fields.add(typeField);
  }

  private static void validateDefinition(Schema schema, Definition def) {
    for (FieldDefinition field : def.fields) {
      validateName(field.position, field.name);
      validateTypeRef(schema, field.type);
      validateArgs(schema, field.arguments, null);
      String location = def.kind.equals(GraphQlAst.INPUT_OBJECT) ? "INPUT_FIELD_DEFINITION" : "FIELD_DEFINITION";
      validateDirectives(schema, field.directives, location, null);
    }
    for (String t : def.types) {
      Definition member = schema.types.get(t);
      if (member == null) throw new GraphQlError(def.position, "Undefined type " + GoFmt.quoteString(t) + ".");
      if (!member.kind.equals(GraphQlAst.OBJECT)) {
        throw new GraphQlError(def.position, def.kind + " type " + GoFmt.quoteString(t) + " must be OBJECT.");
      }
    }
    for (String intf : def.interfaces) validateImplements(schema, def, intf);

    switch (def.kind) {
      case GraphQlAst.OBJECT:
      case GraphQlAst.INTERFACE:
        if (def.fields.isEmpty()) throw new GraphQlError(def.position, def.kind + " " + def.name + ": must define one or more fields.");
        for (FieldDefinition field : def.fields) {
          Definition type = schema.types.get(field.type.name());
          if (type != null && !Set.of(GraphQlAst.SCALAR, GraphQlAst.OBJECT, GraphQlAst.INTERFACE, GraphQlAst.UNION,
              GraphQlAst.ENUM).contains(type.kind)) {
            throw new GraphQlError(field.position, def.kind + " " + def.name
                + ": field must be one of SCALAR, OBJECT, INTERFACE, UNION, ENUM.");
          }
        }
        break;
      case GraphQlAst.ENUM:
        if (def.enumValues.isEmpty()) {
          throw new GraphQlError(def.position, def.kind + " " + def.name + ": must define one or more unique enum values.");
        }
        for (GraphQlAst.EnumValueDefinition value : def.enumValues) {
          if (Set.of("true", "false", "null").contains(value.name)) {
            throw new GraphQlError(def.position, def.kind + " " + def.name + ": non-enum value " + value.name + ".");
          }
        }
        break;
      case GraphQlAst.INPUT_OBJECT:
        if (def.fields.isEmpty()) {
          throw new GraphQlError(def.position, def.kind + " " + def.name + ": must define one or more input fields.");
        }
        for (FieldDefinition field : def.fields) {
          Definition type = schema.types.get(field.type.name());
          if (type != null && !type.isInputType()) {
            throw new GraphQlError(field.position, type.kind + " " + field.name
                + ": field must be one of SCALAR, ENUM, INPUT_OBJECT.");
          }
        }
        break;
      default:
    }

    for (int i = 0; i < def.fields.size(); i++) {
      for (int j = i + 1; j < def.fields.size(); j++) {
        FieldDefinition second = def.fields.get(j);
        if (def.fields.get(i).name.equals(second.name)) {
          throw new GraphQlError(second.position, "Field " + def.name + "." + second.name + " can only be defined once.");
        }
      }
    }
    if (!def.builtIn) validateName(def.position, def.name);
    validateDirectives(schema, def.directives, def.kind, null);
  }

  private static void validateTypeRef(Schema schema, Type type) {
    if (!schema.types.containsKey(type.name())) throw new GraphQlError(type.position, "Undefined type " + type.name() + ".");
  }

  private static void validateArgs(Schema schema, List<ArgumentDefinition> args, DirectiveDefinition current) {
    for (ArgumentDefinition arg : args) {
      validateName(arg.position, arg.name);
      validateTypeRef(schema, arg.type);
      Definition def = schema.types.get(arg.type.name());
      if (!def.isInputType()) {
        throw new GraphQlError(arg.position, "cannot use " + arg.type + " as argument " + arg.name + " because "
            + def.kind + " is not a valid input type");
      }
      validateDirectives(schema, arg.directives, "ARGUMENT_DEFINITION", current);
    }
  }

  private static void validateDirectives(Schema schema, List<Directive> dirs, String location, DirectiveDefinition current) {
    for (Directive dir : dirs) {
      validateName(dir.position, dir.name);
      if (current != null && dir.name.equals(current.name)) {
        throw new GraphQlError(dir.position, "Directive " + current.name + " cannot refer to itself.");
      }
      DirectiveDefinition def = schema.directives.get(dir.name);
      if (def == null) throw new GraphQlError(dir.position, "Undefined directive " + dir.name + ".");
      if (!def.locations.contains(location)) {
        throw new GraphQlError(dir.position, "Directive " + dir.name + " is not applicable on " + location + ".");
      }
      dir.definition = def;
    }
  }

  private static void validateImplements(Schema schema, Definition def, String intfName) {
    Definition intf = schema.types.get(intfName);
    if (intf == null) throw new GraphQlError(def.position, "Undefined type " + GoFmt.quoteString(intfName) + ".");
    if (!intf.kind.equals(GraphQlAst.INTERFACE)) {
      throw new GraphQlError(def.position, GoFmt.quoteString(intfName) + " is a non interface type " + intf.kind + ".");
    }
    String impl = "For " + def.name + " to implement " + intf.name;
    for (FieldDefinition required : intf.fields) {
      FieldDefinition found = def.field(required.name);
      if (found == null) throw new GraphQlError(def.position, impl + " it must have a field called " + required.name + ".");
      if (!isCovariant(schema, required.type, found.type)) {
        throw new GraphQlError(found.position, impl + " the field " + required.name + " must have type " + required.type + ".");
      }
      for (ArgumentDefinition requiredArg : required.arguments) {
        ArgumentDefinition foundArg = found.argument(requiredArg.name);
        if (foundArg == null) {
          throw new GraphQlError(found.position, impl + " the field " + required.name
              + " must have the same arguments but it is missing " + requiredArg.name + ".");
        }
        if (!requiredArg.type.isCompatible(foundArg.type)) {
          throw new GraphQlError(foundArg.position, impl + " the field " + required.name
              + " must have the same arguments but " + requiredArg.name + " has the wrong type.");
        }
      }
      for (ArgumentDefinition extra : found.arguments) {
        if (required.argument(extra.name) == null && extra.type.nonNull && extra.defaultValue == null) {
          throw new GraphQlError(extra.position, impl + " any additional arguments on " + found.name
              + " must be optional or have a default value but " + extra.name + " is required.");
        }
      }
    }
    for (String transitive : intf.interfaces) {
      if (!def.interfaces.contains(transitive)) {
        if (transitive.equals(def.name)) {
          throw new GraphQlError(def.position, "Type " + def.name + " cannot implement " + intfName
              + " because it would create a circular reference.");
        }
        throw new GraphQlError(def.position, "Type " + def.name + " must implement " + transitive
            + " because it is implemented by " + intfName + ".");
      }
    }
  }

  private static boolean isCovariant(Schema schema, Type required, Type actual) {
    if (required.nonNull && !actual.nonNull) return false;
    if (!required.namedType.isEmpty()) {
      if (required.namedType.equals(actual.namedType)) return true;
      for (Definition possible : schema.possibleTypes.getOrDefault(required.namedType, List.of())) {
        if (possible.name.equals(actual.namedType)) return true;
      }
      return false;
    }
    if (required.elem != null && actual.elem == null) return false;
    return required.elem == null || isCovariant(schema, required.elem, actual.elem);
  }

  private static void validateName(Position at, String name) {
    if (name.startsWith("__")) {
      throw new GraphQlError(at, "Name \"" + name + "\" must not begin with \"__\", which is reserved by GraphQL introspection.");
    }
  }
}
