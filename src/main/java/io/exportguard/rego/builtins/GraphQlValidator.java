package io.exportguard.rego.builtins;

import io.exportguard.rego.builtins.GraphQlAst.Argument;
import io.exportguard.rego.builtins.GraphQlAst.ArgumentDefinition;
import io.exportguard.rego.builtins.GraphQlAst.ChildValue;
import io.exportguard.rego.builtins.GraphQlAst.Definition;
import io.exportguard.rego.builtins.GraphQlAst.Directive;
import io.exportguard.rego.builtins.GraphQlAst.DirectiveDefinition;
import io.exportguard.rego.builtins.GraphQlAst.Field;
import io.exportguard.rego.builtins.GraphQlAst.FieldDefinition;
import io.exportguard.rego.builtins.GraphQlAst.FragmentDefinition;
import io.exportguard.rego.builtins.GraphQlAst.FragmentSpread;
import io.exportguard.rego.builtins.GraphQlAst.InlineFragment;
import io.exportguard.rego.builtins.GraphQlAst.OperationDefinition;
import io.exportguard.rego.builtins.GraphQlAst.QueryDocument;
import io.exportguard.rego.builtins.GraphQlAst.Schema;
import io.exportguard.rego.builtins.GraphQlAst.Selection;
import io.exportguard.rego.builtins.GraphQlAst.Type;
import io.exportguard.rego.builtins.GraphQlAst.Value;
import io.exportguard.rego.builtins.GraphQlAst.ValueKind;
import io.exportguard.rego.builtins.GraphQlAst.VariableDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Validates a query document against a schema: a walker annotates every node with the schema element
 * it refers to and fires events that the rules ({@link GraphQlRules}, {@link GraphQlOverlap}) observe.
 * The rules register in gqlparser's order and report in walk order, so the list of errors, and the
 * first of them that OPA prints, comes out as OPA's does.
 */
final class GraphQlValidator {

  /** What the rules can observe, in the order the walker reaches it. */
  static final class Events {
    final List<BiConsumer<GraphQlValidator, OperationDefinition>> operation = new ArrayList<>();
    final List<BiConsumer<GraphQlValidator, Field>> field = new ArrayList<>();
    final List<BiConsumer<GraphQlValidator, FragmentDefinition>> fragment = new ArrayList<>();
    final List<BiConsumer<GraphQlValidator, InlineFragment>> inlineFragment = new ArrayList<>();
    final List<BiConsumer<GraphQlValidator, FragmentSpread>> fragmentSpread = new ArrayList<>();
    final List<BiConsumer<GraphQlValidator, Directive>> directive = new ArrayList<>();
    final List<BiConsumer<GraphQlValidator, List<Directive>>> directiveList = new ArrayList<>();
    final List<BiConsumer<GraphQlValidator, Value>> value = new ArrayList<>();
    final List<BiConsumer<GraphQlValidator, VariableDefinition>> variable = new ArrayList<>();
  }

  /** One validation rule: it subscribes to events and reports errors through the sink. */
  interface Rule {
    void register(Events on, Consumer<GraphQlError> report);
  }

  final Schema schema;
  final QueryDocument document;
  OperationDefinition currentOperation;
  private final Events events;
  private Set<String> validatedFragmentSpreads = new HashSet<>();

  private GraphQlValidator(Schema schema, QueryDocument document, Events events) {
    this.schema = schema;
    this.document = document;
    this.events = events;
  }

  /** Every error in the document, in gqlparser's order; empty when the query is valid. */
  static List<GraphQlError> validate(Schema schema, QueryDocument document) {
    List<GraphQlError> errors = new ArrayList<>();
    Events events = new Events();
    for (java.util.Map.Entry<String, Rule> rule : GraphQlRules.ALL) {
      rule.getValue().register(events, e -> errors.add(e.fromRule(rule.getKey())));
    }
    new GraphQlValidator(schema, document, events).walk();
    return errors;
  }

  private void walk() {
    for (OperationDefinition op : document.operations) {
      validatedFragmentSpreads = new HashSet<>();
      walkOperation(op);
    }
    for (FragmentDefinition f : document.fragments) {
      validatedFragmentSpreads = new HashSet<>();
      walkFragment(f);
    }
  }

  private static <T> void fire(List<BiConsumer<GraphQlValidator, T>> observers, GraphQlValidator w, T node) {
    for (BiConsumer<GraphQlValidator, T> o : observers) o.accept(w, node);
  }

  private void walkOperation(OperationDefinition op) {
    currentOperation = op;
    for (VariableDefinition v : op.variableDefinitions) {
      v.definition = schema.types.get(v.type.name());
      fire(events.variable, this, v);
      if (v.defaultValue != null) {
        v.defaultValue.expectedType = v.type;
        v.defaultValue.definition = schema.types.get(v.type.name());
      }
    }
    String location;
    switch (op.operation) {
      case "mutation": location = "MUTATION"; break;
      case "subscription": location = "SUBSCRIPTION"; break;
      default: location = "QUERY";
    }
    Definition root = schema.root(op.operation);
    for (VariableDefinition v : op.variableDefinitions) {
      if (v.defaultValue != null) walkValue(v.defaultValue);
      walkDirectives(v.definition, v.directives, "VARIABLE_DEFINITION");
    }
    walkDirectives(root, op.directives, location);
    walkSelectionSet(root, op.selectionSet);
    fire(events.operation, this, op);
    currentOperation = null;
  }

  private void walkFragment(FragmentDefinition f) {
    Definition def = schema.types.get(f.typeCondition);
    f.definition = def;
    walkDirectives(def, f.directives, "FRAGMENT_DEFINITION");
    walkSelectionSet(def, f.selectionSet);
    fire(events.fragment, this, f);
  }

  private void walkDirectives(Definition parent, List<Directive> directives, String location) {
    for (Directive dir : directives) {
      DirectiveDefinition def = schema.directives.get(dir.name);
      dir.definition = def;
      dir.parentDefinition = parent;
      dir.location = location;
      for (Argument arg : dir.arguments) walkArgument(def == null ? null : def.argument(arg.name), arg);
      fire(events.directive, this, dir);
    }
    fire(events.directiveList, this, directives);
  }

  private void walkValue(Value value) {
    if (value.kind == ValueKind.VARIABLE && currentOperation != null) {
      value.variableDefinition = currentOperation.variable(value.raw);
      if (value.variableDefinition != null) value.variableDefinition.used = true;
    }
    if (value.kind == ValueKind.OBJECT) {
      for (ChildValue child : value.children) {
        if (value.definition != null) {
          FieldDefinition fieldDef = value.definition.field(child.name);
          if (fieldDef != null) {
            child.value.expectedType = fieldDef.type;
            child.value.definition = schema.types.get(fieldDef.type.name());
          }
        }
        walkValue(child.value);
      }
    }
    if (value.kind == ValueKind.LIST) {
      for (ChildValue child : value.children) {
        if (value.expectedType != null && value.expectedType.elem != null) {
          child.value.expectedType = value.expectedType.elem;
          child.value.definition = value.definition;
        }
        walkValue(child.value);
      }
    }
    fire(events.value, this, value);
  }

  private void walkArgument(ArgumentDefinition def, Argument arg) {
    if (def != null) {
      arg.value.expectedType = def.type;
      arg.value.definition = schema.types.get(def.type.name());
    }
    walkValue(arg.value);
  }

  private void walkSelectionSet(Definition parent, List<Selection> set) {
    for (Selection s : set) walkSelection(parent, s);
  }

  private void walkSelection(Definition parent, Selection selection) {
    if (selection instanceof Field f) {
      FieldDefinition def = null;
      if (f.name.equals("__typename")) {
        def = new FieldDefinition();
        def.name = "__typename";
        def.type = Type.named("String", false);
      } else if (parent != null) {
        def = parent.field(f.name);
      }
      f.definition = def;
      f.objectDefinition = parent;
      Definition next = def == null ? null : schema.types.get(def.type.name());
      for (Argument arg : f.arguments) walkArgument(def == null ? null : def.argument(arg.name), arg);
      walkDirectives(next, f.directives, "FIELD");
      walkSelectionSet(next, f.selectionSet);
      fire(events.field, this, f);
    } else if (selection instanceof InlineFragment inline) {
      inline.objectDefinition = parent;
      Definition next = inline.typeCondition.isEmpty() ? parent : schema.types.get(inline.typeCondition);
      walkDirectives(next, inline.directives, "INLINE_FRAGMENT");
      walkSelectionSet(next, inline.selectionSet);
      fire(events.inlineFragment, this, inline);
    } else if (selection instanceof FragmentSpread spread) {
      FragmentDefinition def = document.fragment(spread.name);
      spread.definition = def;
      spread.objectDefinition = parent;
      Definition next = def == null ? null : schema.types.get(def.typeCondition);
      walkDirectives(next, spread.directives, "FRAGMENT_SPREAD");
      if (def != null && validatedFragmentSpreads.add(def.name)) walkSelectionSet(next, def.selectionSet);
      fire(events.fragmentSpread, this, spread);
    }
  }
}
