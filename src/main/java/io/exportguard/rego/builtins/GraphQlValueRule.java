package io.exportguard.rego.builtins;

import io.exportguard.rego.builtins.GraphQlAst.ChildValue;
import io.exportguard.rego.builtins.GraphQlAst.Definition;
import io.exportguard.rego.builtins.GraphQlAst.EnumValueDefinition;
import io.exportguard.rego.builtins.GraphQlAst.FieldDefinition;
import io.exportguard.rego.builtins.GraphQlAst.Value;
import io.exportguard.rego.builtins.GraphQlAst.ValueKind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The spec's "Values of Correct Type" rule with gqlparser's messages: literals must fit the input
 * type they are given for (custom scalars accept anything), enum literals must name a value, and
 * input objects must provide their required fields and no others.
 */
final class GraphQlValueRule {
  private GraphQlValueRule() {}

  static void check(Value value, Consumer<GraphQlError> report) {
    Definition def = value.definition;
    if (def == null || value.expectedType == null) return;
    if (value.kind == ValueKind.NULL && value.expectedType.nonNull) {
      report.accept(error(value, "Expected value of type \"" + value.expectedType + "\", found " + value + "."));
    }
    if (def.kind.equals(GraphQlAst.SCALAR) && !def.isOneOf("Int", "Float", "String", "Boolean", "ID")) return;
    List<String> enums = new ArrayList<>();
    if (def.kind.equals(GraphQlAst.ENUM)) for (EnumValueDefinition v : def.enumValues) enums.add(v.name);
    if (!convertible(value)) report.accept(error(value, unexpectedType(value)));
    switch (value.kind) {
      case LIST:
        if (value.expectedType.elem == null) report.accept(error(value, unexpectedType(value)));
        return;
      case INT:
        if (!def.isOneOf("Int", "Float", "ID")) report.accept(error(value, unexpectedType(value)));
        return;
      case FLOAT:
        if (!def.isOneOf("Float")) report.accept(error(value, unexpectedType(value)));
        return;
      case STRING:
      case BLOCK:
        if (def.kind.equals(GraphQlAst.ENUM)) {
          report.accept(error(value, "Enum \"" + value.expectedType + "\" cannot represent non-enum value: " + value + "."
              + GraphQlRules.suggest("Did you mean the enum value", value.raw, enums, true)));
        } else if (!def.isOneOf("String", "ID")) {
          report.accept(error(value, unexpectedType(value)));
        }
        return;
      case ENUM:
        if (!def.kind.equals(GraphQlAst.ENUM)) {
          report.accept(error(value, unexpectedType(value)
              + GraphQlRules.suggest("Did you mean the enum value", value.raw, enums, false)));
        } else if (!enums.contains(value.raw)) {
          report.accept(error(value, "Value \"" + value + "\" does not exist in \"" + value.expectedType + "\" enum."
              + GraphQlRules.suggest("Did you mean the enum value", value.raw, enums, true)));
        }
        return;
      case BOOLEAN:
        if (!def.isOneOf("Boolean")) report.accept(error(value, unexpectedType(value)));
        return;
      case OBJECT:
        checkInputObject(value, def, report);
        return;
      default:
    }
  }

  private static void checkInputObject(Value value, Definition def, Consumer<GraphQlError> report) {
    for (FieldDefinition field : def.fields) {
      if (field.type.nonNull && value.child(field.name) == null && field.defaultValue == null) {
        report.accept(error(value, "Field \"" + def.name + "." + field.name + "\" of required type \"" + field.type
            + "\" was not provided."));
      }
    }
    List<String> names = new ArrayList<>();
    for (FieldDefinition f : def.fields) names.add(f.name);
    for (ChildValue child : value.children) {
      if (def.field(child.name) == null) {
        report.accept(new GraphQlError(child.position, "Field \"" + child.name + "\" is not defined by type \"" + def.name
            + "\"." + GraphQlRules.suggest("Did you mean", child.name, names, true)));
      }
    }
  }

  private static GraphQlError error(Value v, String message) { return new GraphQlError(v.position, message); }

  /** Whether gqlparser can turn the literal into a Go value (ints in int64, floats finite). */
  private static boolean convertible(Value v) {
    switch (v.kind) {
      case INT:
        return parsesInBits(v.raw, 64);
      case FLOAT:
        try {
          return !Double.isInfinite(Double.parseDouble(v.raw));
        } catch (NumberFormatException e) {
          return false;
        }
      case BOOLEAN:
        return v.raw.equals("true") || v.raw.equals("false");
      case LIST:
      case OBJECT:
        for (ChildValue c : v.children) if (c.value != null && !convertible(c.value)) return false;
        return true;
      case VARIABLE:
        return v.variableDefinition == null || v.variableDefinition.defaultValue == null
            || convertible(v.variableDefinition.defaultValue);
      default:
        return true;
    }
  }

  /** Go's strconv.ParseInt(raw, 10, bits) succeeds. */
  private static boolean parsesInBits(String raw, int bits) {
    if (!raw.matches("[+-]?[0-9]+")) return false;
    BigInteger n = new BigInteger(raw.startsWith("+") ? raw.substring(1) : raw);
    return n.bitLength() < bits;
  }

  private static String unexpectedType(Value v) {
    switch (v.expectedType.toString()) {
      case "Int":
      case "Int!":
        return v.raw.matches("[+-]?[0-9]+") && !parsesInBits(v.raw, 32)
            ? "Int cannot represent non 32-bit signed integer value: " + v
            : "Int cannot represent non-integer value: " + v;
      case "String":
      case "String!":
      case "[String]":
        return "String cannot represent a non string value: " + v;
      case "Boolean":
      case "Boolean!":
        return "Boolean cannot represent a non boolean value: " + v;
      case "Float":
      case "Float!":
        return "Float cannot represent non numeric value: " + v;
      case "ID":
      case "ID!":
        return "ID cannot represent a non-string and non-integer value: " + v;
      default:
        return v.definition.kind.equals(GraphQlAst.ENUM)
            ? "Enum \"" + v.expectedType + "\" cannot represent non-enum value: " + v + "."
            : "Expected value of type \"" + v.expectedType + "\", found " + v + ".";
    }
  }
}
