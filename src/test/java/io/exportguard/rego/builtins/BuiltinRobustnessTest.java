package io.exportguard.rego.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.NullValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Every implemented builtin, called with every combination of awkward operands, either answers or
 * fails with a BuiltinException carrying an OPA error code: no other Java exception escapes.
 */
class BuiltinRobustnessTest {
  private static final List<Value> SAMPLES = List.of(
      NullValue.INSTANCE, BooleanValue.TRUE, NumberValue.of(-1), NumberValue.of(new BigDecimal("1.5")),
      NumberValue.of(new BigDecimal("1e400")), NumberValue.of(new BigDecimal("1e999999")), StringValue.EMPTY, StringValue.of("a.b/c*"),
      StringValue.of("10.0.0.0/8"), ArrayValue.EMPTY, ArrayValue.of(StringValue.of("x"), NumberValue.of(2)),
      ObjectValue.EMPTY, ObjectValue.builder().put("a", ArrayValue.of(StringValue.of("b"))).build(),
      SetValue.of(SetValue.EMPTY), SetValue.of(StringValue.of("s")));

  private static final java.util.Set<String> OPERATORS = java.util.Set.of("equal", "neq", "lt", "lte", "gt", "gte",
      "plus", "minus", "mul", "div", "rem", "and", "or", "internal.member_2", "internal.member_3", "print");

  @Test
  @org.junit.jupiter.api.Timeout(120)
  void wrongOperandsNeverEscapeAsJavaExceptions() {
    BuiltinRegistry registry = BuiltinRegistry.standard();
    BuiltinContext ctx = new SimpleBuiltinContext(Instant.EPOCH, new ConcurrentHashMap<>(), false);
    int calls = 0;
    for (Map.Entry<String, BuiltinDecl> e : registry.all().entrySet()) {
      BuiltinDecl d = e.getValue();
      // The infix operators belong to the evaluator's Operators class and are tested there.
      if (d.impl() == null || d.arity() < 0 || d.arity() > 3 || OPERATORS.contains(e.getKey())) continue;
      for (List<Value> args : combinations(d.arity())) {
        calls++;
        try {
          d.impl().call(ctx, args);
        } catch (BuiltinException ex) {
          assertThat(ex.code()).as(e.getKey() + args).isIn(BuiltinException.TYPE_ERROR, BuiltinException.BUILTIN_ERROR,
              "eval_conflict_error", "eval_cancel_error");
          assertThat(ex.getMessage()).as(e.getKey() + args).isNotBlank();
        } catch (RuntimeException ex) {
          throw new AssertionError(e.getKey() + args + " threw " + ex, ex);
        }
      }
    }
    assertThat(calls).isGreaterThan(1000);
  }

  @Test
  void operandErrorsAreNamedAndTyped() {
    BuiltinRegistry registry = BuiltinRegistry.standard();
    BuiltinContext ctx = new SimpleBuiltinContext();
    try {
      registry.invoke("count", ctx, List.of(NumberValue.of(1)));
      throw new AssertionError("expected a type error");
    } catch (BuiltinException e) {
      assertThat(e.code()).isEqualTo("eval_type_error");
      assertThat(e.getMessage()).isEqualTo("count: operand 1 must be one of {array, object, set, string} but got number");
    }
  }

  private static List<List<Value>> combinations(int arity) {
    List<List<Value>> out = new ArrayList<>();
    out.add(new ArrayList<>());
    for (int i = 0; i < arity; i++) {
      List<List<Value>> next = new ArrayList<>();
      for (List<Value> prefix : out) {
        for (Value v : SAMPLES) {
          List<Value> l = new ArrayList<>(prefix);
          l.add(v);
          next.add(l);
        }
      }
      out = next;
    }
    return out;
  }
}
