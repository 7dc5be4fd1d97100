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
import io.exportguard.rego.builtins.GraphQlAst.Value;
import io.exportguard.rego.builtins.GraphQlAst.ValueKind;
import io.exportguard.rego.builtins.GraphQlAst.VariableDefinition;
import io.exportguard.rego.builtins.GraphQlLexer.Kind;
import io.exportguard.rego.builtins.GraphQlLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A recursive-descent parser for GraphQL queries and schemas (the June 2018 spec plus gqlparser's
 * experimental fragment variables), one method per grammar rule. It stops at the first error with
 * gqlparser's message ({@code Expected Name, found <EOF>}, {@code Unexpected Name "on"}, ...) at the
 * offending token, since OPA's builtins report exactly that text.
 */
final class GraphQlParser {
  /** Deeper nesting than this is refused, so no input can exhaust the stack. */
  private static final int MAX_DEPTH = 200;
  private static final Set<String> DIRECTIVE_LOCATIONS = Set.of("QUERY", "MUTATION", "SUBSCRIPTION", "FIELD",
      "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT", "VARIABLE_DEFINITION", "SCHEMA", "SCALAR",
      "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE", "UNION", "ENUM", "ENUM_VALUE",
      "INPUT_OBJECT", "INPUT_FIELD_DEFINITION");

  private final GraphQlLexer lexer;
  private Token peeked;
  private Token prev;
  private int depth;

  private GraphQlParser(String source) { this.lexer = new GraphQlLexer(source); }

  static QueryDocument parseQuery(String source) { return new GraphQlParser(source).queryDocument(); }

  static SchemaDocument parseSchema(String source) { return new GraphQlParser(source).schemaDocument(); }

  // ---- token plumbing (gqlparser's peek / next / expect / skip / many / some) ----

  private Token peek() {
    if (peeked == null) peeked = lexer.next();
    return peeked;
  }

  private Position peekPos() {
    Token t = peek();
    return new Position(t.line(), t.column());
  }

  /** Consumes the next token; consuming an invalid token reports the lexical error it carries. */
  private Token next() {
    Token t = peek();
    peeked = null;
    if (t.error() != null) throw t.error();
    prev = t;
    return t;
  }

  private GraphQlError error(Token at, String message) {
    return new GraphQlError(at.line(), at.column(), message);
  }

  private GraphQlError unexpected(Token t) { return error(t, "Unexpected " + t.describe()); }

  private Token expect(Kind kind) {
    Token t = peek();
    if (t.kind() == kind) return next();
    throw error(t, "Expected " + kind + ", found " + t.kind());
  }

  private void expectKeyword(String keyword) {
    Token t = peek();
    if (t.kind() == Kind.NAME && t.value().equals(keyword)) {
      next();
      return;
    }
    throw error(t, "Expected " + GoFmt.quoteString(keyword) + ", found " + t.describe());
  }

  private boolean skip(Kind kind) {
    if (peek().kind() != kind) return false;
    next();
    return true;
  }

  /** {@code start item* end}, or nothing when the next token is not {@code start}. */
  private void many(Kind start, Kind end, Runnable item) {
    if (!skip(start)) return;
    enter();
    while (peek().kind() != end) item.run();
    depth--;
    next();
  }

  /** {@code start item+ end}, or nothing when the next token is not {@code start}. */
  private void some(Kind start, Kind end, Runnable item) {
    if (!skip(start)) return;
    enter();
    if (peek().kind() == end) throw error(peek(), "expected at least one definition, found " + peek().kind());
    while (peek().kind() != end) item.run();
    depth--;
    next();
  }

  private void enter() {
    if (++depth > MAX_DEPTH) throw error(peek(), "nesting is deeper than " + MAX_DEPTH + " levels");
  }

  private String name() { return expect(Kind.NAME).value(); }

  // ---- executable documents ----

  private QueryDocument queryDocument() {
    QueryDocument doc = new QueryDocument();
    while (peek().kind() != Kind.EOF) {
      Token t = peek();
      if (t.kind() == Kind.BRACE_L) {
        doc.operations.add(operationDefinition());
      } else if (t.kind() == Kind.NAME && Set.of("query", "mutation", "subscription").contains(t.value())) {
        doc.operations.add(operationDefinition());
      } else if (t.kind() == Kind.NAME && t.value().equals("fragment")) {
        doc.fragments.add(fragmentDefinition());
      } else {
        throw unexpected(t);
      }
    }
    return doc;
  }

  private OperationDefinition operationDefinition() {
    OperationDefinition op = new OperationDefinition();
    op.position = peekPos();
    if (peek().kind() == Kind.BRACE_L) {
      op.operation = "query";
      op.selectionSet = requiredSelectionSet();
      return op;
    }
    op.operation = operationType();
    if (peek().kind() == Kind.NAME) op.name = next().value();
    op.variableDefinitions = variableDefinitions();
    op.directives = directives(false);
    op.selectionSet = requiredSelectionSet();
    return op;
  }

  private String operationType() {
    Token t = next();
    if (Set.of("query", "mutation", "subscription").contains(t.value())) return t.value();
    throw unexpected(t);
  }

  private List<VariableDefinition> variableDefinitions() {
    List<VariableDefinition> defs = new ArrayList<>();
    many(Kind.PAREN_L, Kind.PAREN_R, () -> defs.add(variableDefinition()));
    return defs;
  }

  private VariableDefinition variableDefinition() {
    VariableDefinition def = new VariableDefinition();
    def.position = peekPos();
    def.variable = variable();
    expect(Kind.COLON);
    def.type = typeReference();
    if (skip(Kind.EQUALS)) def.defaultValue = valueLiteral(true);
    def.directives = directives(false);
    return def;
  }

  private String variable() {
    expect(Kind.DOLLAR);
    return name();
  }

  private List<Selection> requiredSelectionSet() {
    if (peek().kind() != Kind.BRACE_L) throw error(peek(), "Expected " + Kind.BRACE_L + ", found " + peek().kind());
    return optionalSelectionSet();
  }

  private List<Selection> optionalSelectionSet() {
    List<Selection> selections = new ArrayList<>();
    some(Kind.BRACE_L, Kind.BRACE_R, () -> selections.add(peek().kind() == Kind.SPREAD ? fragment() : field()));
    return selections;
  }

  private Field field() {
    Field f = new Field();
    f.position = peekPos();
    f.alias = name();
    f.name = skip(Kind.COLON) ? name() : f.alias;
    f.arguments = arguments(false);
    f.directives = directives(false);
    if (peek().kind() == Kind.BRACE_L) f.selectionSet = optionalSelectionSet();
    return f;
  }

  private List<Argument> arguments(boolean isConst) {
    List<Argument> args = new ArrayList<>();
    many(Kind.PAREN_L, Kind.PAREN_R, () -> {
      Argument a = new Argument();
      a.position = peekPos();
      a.name = name();
      expect(Kind.COLON);
      a.value = valueLiteral(isConst);
      args.add(a);
    });
    return args;
  }

  private Selection fragment() {
    expect(Kind.SPREAD);
    Token t = peek();
    if (t.kind() == Kind.NAME && !t.value().equals("on")) {
      FragmentSpread spread = new FragmentSpread();
      spread.position = peekPos();
      spread.name = fragmentName();
      spread.directives = directives(false);
      return spread;
    }
    InlineFragment inline = new InlineFragment();
    inline.position = peekPos();
    if (peek().value().equals("on")) {
      next();
      inline.typeCondition = name();
    }
    inline.directives = directives(false);
    inline.selectionSet = requiredSelectionSet();
    return inline;
  }

  private FragmentDefinition fragmentDefinition() {
    FragmentDefinition def = new FragmentDefinition();
    def.position = peekPos();
    expectKeyword("fragment");
    def.name = fragmentName();
    def.variableDefinition = variableDefinitions();
    expectKeyword("on");
    def.typeCondition = name();
    def.directives = directives(false);
    def.selectionSet = requiredSelectionSet();
    return def;
  }

  private String fragmentName() {
    if (peek().value().equals("on")) throw unexpected(peek());
    return name();
  }

  private Value valueLiteral(boolean isConst) {
    Token t = peek();
    ValueKind kind;
    switch (t.kind()) {
      case BRACKET_L: return compositeValue(ValueKind.LIST, Kind.BRACKET_L, Kind.BRACKET_R, isConst);
      case BRACE_L: return compositeValue(ValueKind.OBJECT, Kind.BRACE_L, Kind.BRACE_R, isConst);
      case DOLLAR: {
        if (isConst) throw unexpected(t);
        Value v = scalar(ValueKind.VARIABLE, t);
        v.raw = variable();
        return v;
      }
      case INT: kind = ValueKind.INT; break;
      case FLOAT: kind = ValueKind.FLOAT; break;
      case STRING: kind = ValueKind.STRING; break;
      case BLOCK_STRING: kind = ValueKind.BLOCK; break;
      case NAME:
        kind = t.value().equals("true") || t.value().equals("false") ? ValueKind.BOOLEAN
            : t.value().equals("null") ? ValueKind.NULL : ValueKind.ENUM;
        break;
      default:
        throw unexpected(t);
    }
    next();
    Value v = scalar(kind, t);
    v.raw = t.value();
    return v;
  }

  private static Value scalar(ValueKind kind, Token at) {
    Value v = new Value();
    v.kind = kind;
    v.position = new Position(at.line(), at.column());
    return v;
  }

  private Value compositeValue(ValueKind kind, Kind open, Kind close, boolean isConst) {
    Value v = new Value();
    v.kind = kind;
    v.position = peekPos();
    many(open, close, () -> {
      ChildValue child = new ChildValue();
      if (kind == ValueKind.OBJECT) {
        child.position = peekPos();
        child.name = name();
        expect(Kind.COLON);
      }
      child.value = valueLiteral(isConst);
      v.children.add(child);
    });
    return v;
  }

  private List<Directive> directives(boolean isConst) {
    List<Directive> dirs = new ArrayList<>();
    while (peek().kind() == Kind.AT) {
      expect(Kind.AT);
      Directive d = new Directive();
      d.position = peekPos();
      d.name = name();
      d.arguments = arguments(isConst);
      dirs.add(d);
    }
    return dirs;
  }

  private Type typeReference() {
    enter();
    Type type = new Type();
    if (skip(Kind.BRACKET_L)) {
      type.position = peekPos();
      type.elem = typeReference();
      expect(Kind.BRACKET_R);
    } else {
      type.position = peekPos();
      type.namedType = name();
    }
    if (skip(Kind.BANG)) {
      type.position = peekPos();
      type.nonNull = true;
    }
    depth--;
    return type;
  }

  // ---- schema documents ----

  private SchemaDocument schemaDocument() {
    SchemaDocument doc = new SchemaDocument();
    while (peek().kind() != Kind.EOF) {
      String description = "";
      if (peek().kind() == Kind.BLOCK_STRING || peek().kind() == Kind.STRING) description = next().value();
      Token t = peek();
      if (t.kind() != Kind.NAME) throw unexpected(t);
      switch (t.value()) {
        case "scalar": case "type": case "interface": case "union": case "enum": case "input":
          doc.definitions.add(typeSystemDefinition(description));
          break;
        case "schema":
          doc.schema.add(schemaDefinition(description));
          break;
        case "directive":
          doc.directives.add(directiveDefinition(description));
          break;
        case "extend":
          if (!description.isEmpty()) throw unexpected(prev);
          typeSystemExtension(doc);
          break;
        default:
          throw unexpected(t);
      }
    }
    return doc;
  }

  private String description() {
    Kind k = peek().kind();
    return k == Kind.BLOCK_STRING || k == Kind.STRING ? next().value() : "";
  }

  private Definition typeSystemDefinition(String description) {
    String keyword = peek().value();
    expectKeyword(keyword);
    Definition def = new Definition();
    def.position = peekPos();
    def.description = description;
    def.name = name();
    switch (keyword) {
      case "scalar":
        def.kind = GraphQlAst.SCALAR;
        def.directives = directives(true);
        break;
      case "type":
      case "interface":
        def.kind = keyword.equals("type") ? GraphQlAst.OBJECT : GraphQlAst.INTERFACE;
        def.interfaces = implementsInterfaces();
        def.directives = directives(true);
        def.fields = fieldsDefinition();
        break;
      case "union":
        def.kind = GraphQlAst.UNION;
        def.directives = directives(true);
        def.types = unionMemberTypes();
        break;
      case "enum":
        def.kind = GraphQlAst.ENUM;
        def.directives = directives(true);
        def.enumValues = enumValuesDefinition();
        break;
      default:
        def.kind = GraphQlAst.INPUT_OBJECT;
        def.directives = directives(true);
        def.fields = inputFieldsDefinition();
    }
    return def;
  }

  private SchemaDefinition schemaDefinition(String description) {
    expectKeyword("schema");
    SchemaDefinition def = new SchemaDefinition();
    def.position = peekPos();
    def.description = description;
    def.directives = directives(true);
    some(Kind.BRACE_L, Kind.BRACE_R, () -> def.operationTypes.add(operationTypeDefinition()));
    return def;
  }

  private OperationTypeDefinition operationTypeDefinition() {
    OperationTypeDefinition op = new OperationTypeDefinition();
    op.position = peekPos();
    op.operation = operationType();
    expect(Kind.COLON);
    op.type = name();
    return op;
  }

  private List<String> implementsInterfaces() {
    List<String> types = new ArrayList<>();
    if (peek().value().equals("implements")) {
      next();
      skip(Kind.AMP);
      types.add(name());
      while (skip(Kind.AMP)) types.add(name());
    }
    return types;
  }

  private List<FieldDefinition> fieldsDefinition() {
    List<FieldDefinition> defs = new ArrayList<>();
    some(Kind.BRACE_L, Kind.BRACE_R, () -> {
      FieldDefinition def = new FieldDefinition();
      def.position = peekPos();
      def.description = description();
      def.name = name();
      def.arguments = argumentDefinitions();
      expect(Kind.COLON);
      def.type = typeReference();
      def.directives = directives(true);
      defs.add(def);
    });
    return defs;
  }

  private List<ArgumentDefinition> argumentDefinitions() {
    List<ArgumentDefinition> args = new ArrayList<>();
    some(Kind.PAREN_L, Kind.PAREN_R, () -> {
      ArgumentDefinition def = new ArgumentDefinition();
      def.position = peekPos();
      def.description = description();
      def.name = name();
      expect(Kind.COLON);
      def.type = typeReference();
      if (skip(Kind.EQUALS)) def.defaultValue = valueLiteral(true);
      def.directives = directives(true);
      args.add(def);
    });
    return args;
  }

  private List<FieldDefinition> inputFieldsDefinition() {
    List<FieldDefinition> defs = new ArrayList<>();
    some(Kind.BRACE_L, Kind.BRACE_R, () -> {
      FieldDefinition def = new FieldDefinition();
      def.position = peekPos();
      def.description = description();
      def.name = name();
      expect(Kind.COLON);
      def.type = typeReference();
      if (skip(Kind.EQUALS)) def.defaultValue = valueLiteral(true);
      def.directives = directives(true);
      defs.add(def);
    });
    return defs;
  }

  private List<String> unionMemberTypes() {
    List<String> types = new ArrayList<>();
    if (skip(Kind.EQUALS)) {
      skip(Kind.PIPE);
      types.add(name());
      while (skip(Kind.PIPE)) types.add(name());
    }
    return types;
  }

  private List<EnumValueDefinition> enumValuesDefinition() {
    List<EnumValueDefinition> values = new ArrayList<>();
    some(Kind.BRACE_L, Kind.BRACE_R, () -> {
      EnumValueDefinition v = new EnumValueDefinition();
      v.position = peekPos();
      v.description = description();
      v.name = name();
      v.directives = directives(true);
      values.add(v);
    });
    return values;
  }

  private void typeSystemExtension(SchemaDocument doc) {
    expectKeyword("extend");
    String keyword = peek().value();
    switch (keyword) {
      case "schema":
        doc.schemaExtension.add(schemaExtension());
        return;
      case "scalar": case "type": case "interface": case "union": case "enum": case "input":
        doc.extensions.add(typeExtension(keyword));
        return;
      default:
        throw unexpected(peek());
    }
  }

  private SchemaDefinition schemaExtension() {
    expectKeyword("schema");
    SchemaDefinition def = new SchemaDefinition();
    def.position = peekPos();
    def.directives = directives(true);
    some(Kind.BRACE_L, Kind.BRACE_R, () -> def.operationTypes.add(operationTypeDefinition()));
    if (def.directives.isEmpty() && def.operationTypes.isEmpty()) throw unexpected(peek());
    return def;
  }

  /** {@code extend scalar|type|interface|union|enum|input Name ...}: at least one part must follow the name. */
  private Definition typeExtension(String keyword) {
    expectKeyword(keyword);
    Definition def = new Definition();
    def.position = peekPos();
    def.name = name();
    boolean empty;
    switch (keyword) {
      case "scalar":
        def.kind = GraphQlAst.SCALAR;
        def.directives = directives(true);
        empty = def.directives.isEmpty();
        break;
      case "type":
        def.kind = GraphQlAst.OBJECT;
        def.interfaces = implementsInterfaces();
        def.directives = directives(true);
        def.fields = fieldsDefinition();
        empty = def.interfaces.isEmpty() && def.directives.isEmpty() && def.fields.isEmpty();
        break;
      case "interface":
        def.kind = GraphQlAst.INTERFACE;
        def.directives = directives(true);
        def.fields = fieldsDefinition();
        empty = def.directives.isEmpty() && def.fields.isEmpty();
        break;
      case "union":
        def.kind = GraphQlAst.UNION;
        def.directives = directives(true);
        def.types = unionMemberTypes();
        empty = def.directives.isEmpty() && def.types.isEmpty();
        break;
      case "enum":
        def.kind = GraphQlAst.ENUM;
        def.directives = directives(true);
        def.enumValues = enumValuesDefinition();
        empty = def.directives.isEmpty() && def.enumValues.isEmpty();
        break;
      default:
        def.kind = GraphQlAst.INPUT_OBJECT;
        def.directives = directives(false);
        def.fields = inputFieldsDefinition();
        empty = def.directives.isEmpty() && def.fields.isEmpty();
    }
    if (empty) throw unexpected(peek());
    return def;
  }

  private DirectiveDefinition directiveDefinition(String description) {
    expectKeyword("directive");
    expect(Kind.AT);
    DirectiveDefinition def = new DirectiveDefinition();
    def.position = peekPos();
    def.description = description;
    def.name = name();
    def.arguments = argumentDefinitions();
    if (peek().kind() == Kind.NAME && peek().value().equals("repeatable")) {
      def.isRepeatable = true;
      next();
    }
    expectKeyword("on");
    skip(Kind.PIPE);
    def.locations.add(directiveLocation());
    while (skip(Kind.PIPE)) def.locations.add(directiveLocation());
    return def;
  }

  private String directiveLocation() {
    Token t = expect(Kind.NAME);
    if (DIRECTIVE_LOCATIONS.contains(t.value())) return t.value();
    throw unexpected(t);
  }
}
