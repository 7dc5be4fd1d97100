package io.exportguard.rego.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.NullValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import io.exportguard.rego.builtins.support.EngineCancel;
import org.junit.jupiter.api.Test;

/** Per-query answers (rand.intn, uuid.rfc4122, time.now_ns) and per-policy compiled regexes and globs. */
class CachingTest {
  private static final BuiltinRegistry R = BuiltinRegistry.standard();

  @Test
  void randomAnswersAreStableWithinAQuery() {
    ConcurrentHashMap<Object, Object> policy = new ConcurrentHashMap<>();
    BuiltinContext q1 = new SimpleBuiltinContext(Instant.EPOCH, policy, false);
    Value a = R.invoke("rand.intn", q1, List.of(StringValue.of("k"), NumberValue.of(1_000_000_000)));
    Value b = R.invoke("rand.intn", q1, List.of(StringValue.of("k"), NumberValue.of(1_000_000_000)));
    assertThat(a).isEqualTo(b);
    List<Value> others = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      BuiltinContext q = new SimpleBuiltinContext(Instant.EPOCH, policy, false);
      others.add(R.invoke("rand.intn", q, List.of(StringValue.of("k"), NumberValue.of(1_000_000_000))));
    }
    assertThat(others).anyMatch(v -> !v.equals(a));
    Value u1 = R.invoke("uuid.rfc4122", q1, List.of(StringValue.of("x")));
    assertThat(R.invoke("uuid.rfc4122", q1, List.of(StringValue.of("x")))).isEqualTo(u1);
    assertThat(((StringValue) u1).value()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(R.invoke("rand.intn", q1, List.of(StringValue.of("z"), NumberValue.of(0)))).isEqualTo(NumberValue.ZERO);
  }

  @Test
  void nowIsTheQueryClock() {
    BuiltinContext q = new SimpleBuiltinContext(Instant.ofEpochSecond(5, 7), new ConcurrentHashMap<>(), false);
    assertThat(R.invoke("time.now_ns", q, List.of())).isEqualTo(NumberValue.of(5_000_000_007L));
  }

  @Test
  void compiledPatternsAreCachedPerPolicySet() {
    ConcurrentHashMap<Object, Object> policy = new ConcurrentHashMap<>();
    for (int i = 0; i < 3; i++) {
      BuiltinContext q = new SimpleBuiltinContext(Instant.EPOCH, policy, false);
      assertThat(R.invoke("regex.match", q, List.of(StringValue.of("^a+$"), StringValue.of("aaa"))))
          .isEqualTo(BooleanValue.TRUE);
      assertThat(R.invoke("glob.match", q, List.of(StringValue.of("*.com"), NullValue.INSTANCE, StringValue.of("a.com"))))
          .isEqualTo(BooleanValue.TRUE);
    }
    assertThat(policy).hasSize(2);
    BuiltinContext q = new SimpleBuiltinContext(Instant.EPOCH, policy, false);
    R.invoke("glob.match", q, List.of(StringValue.of("*.com"), io.exportguard.rego.value.ArrayValue.EMPTY,
        StringValue.of("a.com")));
    assertThat(policy).hasSize(3);
  }

  /** The engine's cancellation, thrown by checkDeadline inside a long builtin, is not turned into a builtin error. */
  @Test
  void deadlineSignalsPassThroughBuiltins() {
    BuiltinContext cancelled = new BuiltinContext() {
      @Override public Instant now() { return Instant.EPOCH; }
      @Override public <T> T queryCached(Object key, java.util.function.Function<Object, T> f) { return f.apply(key); }
      @Override public <T> T policyCached(Object key, java.util.function.Function<Object, T> f) { return f.apply(key); }
      @Override public void print(String line) { }
      @Override public boolean allowNet() { return false; }
      @Override public void checkDeadline() { throw new EngineCancel(); }
    };
    try {
      R.invoke("numbers.range", cancelled, List.of(NumberValue.of(1), NumberValue.of(10)));
      throw new AssertionError("expected the cancellation");
    } catch (EngineCancel expected) {
      assertThat(expected).isNotNull();
    }
  }
}
