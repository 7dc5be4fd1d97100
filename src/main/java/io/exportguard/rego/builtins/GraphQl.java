package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.b;
import static io.exportguard.rego.builtins.Args.def;
import static io.exportguard.rego.builtins.Args.str;

import io.exportguard.rego.builtins.GraphQlAst.QueryDocument;
import io.exportguard.rego.builtins.GraphQlAst.Schema;
import io.exportguard.rego.builtins.GraphQlAst.SchemaDocument;
import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.util.List;

/**
 * OPA's {@code graphql.*} builtins: parse queries and schemas into OPA's AST terms, and validate a
 * query against a schema with the spec's rules. The parser and validator are our own
 * ({@link GraphQlParser}, {@link GraphQlSchemaLoader}, {@link GraphQlValidator}), written to behave as
 * the gqlparser library OPA embeds, because policies observe its AST shapes and error texts; see
 * package docs. Either operand of the two-document builtins may be a string or a previously returned
 * AST object.
 */
final class GraphQl {
  private GraphQl() {}

  static void register(BuiltinRegistry r) {
    def(r, "graphql.parse_query", GraphQl::parseQuery);
    def(r, "graphql.parse_schema", GraphQl::parseSchema);
    def(r, "graphql.parse", GraphQl::parse);
    def(r, "graphql.parse_and_verify", GraphQl::parseAndVerify);
    def(r, "graphql.is_valid", GraphQl::isValid);
    def(r, "graphql.schema_is_valid", GraphQl::schemaIsValid);
  }

  static Value parseQuery(BuiltinContext ctx, List<Value> a) {
    return GraphQlTerms.term(query(StringValue.of(str(a, 1))));
  }

  static Value parseSchema(BuiltinContext ctx, List<Value> a) {
    return GraphQlTerms.term(schemaDocument(StringValue.of(str(a, 1))));
  }

  /** Both ASTs when the query is valid for the schema, else the first problem as an error. */
  static Value parse(BuiltinContext ctx, List<Value> a) {
    checkOperand(a, 0);
    QueryDocument query = query(a.get(0));
    checkOperand(a, 1);
    SchemaDocument schema = schemaDocument(a.get(1));
    ObjectValue queryTerm = GraphQlTerms.term(query);
    ObjectValue schemaTerm = GraphQlTerms.term(schema);
    validate(query, schema);
    return ArrayValue.of(queryTerm, schemaTerm);
  }

  /** {@code [true, query AST, schema AST]}, or {@code [false, {}, {}]} on any problem. */
  static Value parseAndVerify(BuiltinContext ctx, List<Value> a) {
    try {
      ArrayValue asts = (ArrayValue) parse(ctx, a);
      return ArrayValue.of(BooleanValue.TRUE, asts.get(0), asts.get(1));
    } catch (GraphQlError | Args.OperandError e) {
      return ArrayValue.of(BooleanValue.FALSE, ObjectValue.EMPTY, ObjectValue.EMPTY);
    }
  }

  static Value isValid(BuiltinContext ctx, List<Value> a) {
    try {
      parse(ctx, a);
      return b(true);
    } catch (GraphQlError | Args.OperandError e) {
      return b(false);
    }
  }

  static Value schemaIsValid(BuiltinContext ctx, List<Value> a) {
    if (!(a.get(0) instanceof StringValue || a.get(0) instanceof ObjectValue)) return b(false);
    try {
      GraphQlSchemaLoader.load(schemaDocument(a.get(0)));
      return b(true);
    } catch (GraphQlError | Args.OperandError e) {
      return b(false);
    }
  }

  /** OPA numbers these operands from 0 in its message. */
  private static void checkOperand(List<Value> a, int index) {
    Value v = a.get(index);
    if (!(v instanceof StringValue || v instanceof ObjectValue)) {
      throw Args.typeFail("operand " + index + " must be one of {string, object} but got " + v.typeName());
    }
  }

  private static QueryDocument query(Value v) {
    if (v instanceof ObjectValue o) return decoded(() -> GraphQlTerms.queryDocument(o));
    return parsed(() -> GraphQlParser.parseQuery(((StringValue) v).value()));
  }

  private static SchemaDocument schemaDocument(Value v) {
    if (v instanceof ObjectValue o) return decoded(() -> GraphQlTerms.schemaDocument(o));
    return parsed(() -> GraphQlParser.parseSchema(((StringValue) v).value()));
  }

  private static <T> T parsed(java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (GraphQlError e) {
      throw Args.fail(e.getMessage() + " in GraphQL string at location " + e.line() + ":" + e.column());
    }
  }

  private static <T> T decoded(java.util.function.Supplier<T> decode) {
    try {
      return decode.get();
    } catch (GraphQlError e) {
      throw Args.fail(e.getMessage());
    }
  }

  private static void validate(QueryDocument query, SchemaDocument schemaDoc) {
    Schema schema;
    try {
      schema = GraphQlSchemaLoader.load(schemaDoc);
    } catch (GraphQlError e) {
      throw Args.fail("Error in gqlparser SchemaDocument to Schema conversion: " + e.printed());
    }
    List<GraphQlError> errors = GraphQlValidator.validate(schema, query);
    if (!errors.isEmpty()) throw Args.fail(validationMessage(errors));
  }

  /**
   * OPA prints gqlparser's whole error list and moves the first error's position to the end: {@code
   * <first message, the others on their own lines, without the final period> in GraphQL query string
   * at location L:C}.
   */
  static String validationMessage(List<GraphQlError> errors) {
    StringBuilder all = new StringBuilder();
    for (GraphQlError e : errors) all.append(e.printed()).append('\n');
    String[] parts = all.toString().split(":", 4);
    if (parts.length < 4 || !errors.get(0).hasPosition()) return all.toString().strip();
    String message = parts[3].replaceFirst("^ +", "");
    if (message.endsWith(".\n")) message = message.substring(0, message.length() - 2);
    return message + " in GraphQL query string at location " + parts[1] + ":" + parts[2];
  }
}
