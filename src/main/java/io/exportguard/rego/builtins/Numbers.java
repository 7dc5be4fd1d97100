package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.def;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** abs, ceil, floor, round, numbers.range(_step), rand.intn and bits.*; integers stay exact. */
final class Numbers {
  private Numbers() {}

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int MAX_RANGE = 10_000_000;

  private record RandKey(String seed, BigInteger n) {}

  static void register(BuiltinRegistry r) {
    def(r, "abs", (ctx, a) -> NumberValue.of(Args.num(a, 1).value().abs()));
    def(r, "ceil", (ctx, a) -> whole(Args.num(a, 1), RoundingMode.CEILING));
    def(r, "floor", (ctx, a) -> whole(Args.num(a, 1), RoundingMode.FLOOR));
    // Go's math.Round: halves away from zero.
    def(r, "round", (ctx, a) -> whole(Args.num(a, 1), RoundingMode.HALF_UP));
    def(r, "numbers.range", (ctx, a) -> {
      BigInteger x = Args.bigInteger(a, 1);
      BigInteger y = Args.bigInteger(a, 2);
      return range(ctx, x, y, BigInteger.ONE);
    });
    def(r, "numbers.range_step", (ctx, a) -> {
      BigInteger x = Args.bigInteger(a, 1);
      BigInteger y = Args.bigInteger(a, 2);
      BigInteger step = Args.bigInteger(a, 3);
      if (step.signum() <= 0) throw Args.fail("step must be a positive integer");
      return range(ctx, x, y, step);
    });
    def(r, "rand.intn", (ctx, a) -> {
      String seed = Args.str(a, 1);
      BigInteger n = Args.bigInteger(a, 2);
      if (n.signum() == 0) return NumberValue.ZERO;
      BigInteger bound = n.abs();
      // The same seed and bound give the same number for the whole query, as in OPA.
      return ctx.queryCached(new RandKey(seed, bound), k -> NumberValue.of(randomBelow(bound)));
    });
    def(r, "bits.and", (ctx, a) -> NumberValue.of(Args.bigInteger(a, 1).and(Args.bigInteger(a, 2))));
    def(r, "bits.or", (ctx, a) -> NumberValue.of(Args.bigInteger(a, 1).or(Args.bigInteger(a, 2))));
    def(r, "bits.xor", (ctx, a) -> NumberValue.of(Args.bigInteger(a, 1).xor(Args.bigInteger(a, 2))));
    def(r, "bits.negate", (ctx, a) -> NumberValue.of(Args.bigInteger(a, 1).not()));
    def(r, "bits.lsh", (ctx, a) -> {
      BigInteger x = Args.bigInteger(a, 1);
      BigInteger s = Args.bigInteger(a, 2);
      if (s.signum() < 0) throw Args.operand(2, "must be an unsigned integer number but got a negative integer");
      if (s.bitLength() > 20) throw Args.fail("shift amount too large");
      return NumberValue.of(x.shiftLeft(s.intValue()));
    });
    def(r, "bits.rsh", (ctx, a) -> {
      BigInteger x = Args.bigInteger(a, 1);
      BigInteger s = Args.bigInteger(a, 2);
      if (s.signum() < 0) throw Args.operand(2, "must be an unsigned integer number but got a negative integer");
      if (s.bitLength() > 31) return NumberValue.of(x.signum() < 0 ? BigInteger.ONE.negate() : BigInteger.ZERO);
      return NumberValue.of(x.shiftRight(s.intValue()));
    });
  }

  /** Rounds to an integer; numbers with no fraction (however large) are returned as they are. */
  private static NumberValue whole(NumberValue n, RoundingMode mode) {
    if (n.value().scale() <= 0) return n;
    // Below 0.01 every number rounds like ±0.001; setScale(0) on 1e-999999 would divide by 10^999999.
    BigDecimal x = Args.integerDigits(n.value()) < -1 ? BigDecimal.valueOf(n.value().signum(), 3) : n.value();
    return NumberValue.of(x.setScale(0, mode));
  }

  private static BigInteger randomBelow(BigInteger bound) {
    BigInteger v;
    do { v = new BigInteger(bound.bitLength(), RANDOM); } while (v.compareTo(bound) >= 0);
    return v;
  }

  private static Value range(BuiltinContext ctx, BigInteger x, BigInteger y, BigInteger step) {
    BigInteger span = y.subtract(x).abs().divide(step);
    if (span.compareTo(BigInteger.valueOf(MAX_RANGE)) > 0) throw Args.fail("range too large");
    List<Value> out = new ArrayList<>();
    BigInteger dir = x.compareTo(y) <= 0 ? step : step.negate();
    BigInteger cur = x;
    for (long i = 0; i <= span.longValue(); i++) {
      if ((i & 0xFFFF) == 0) ctx.checkDeadline();
      out.add(NumberValue.of(cur));
      cur = cur.add(dir);
    }
    return ArrayValue.of(out);
  }

  static BigDecimal dec(long v) { return BigDecimal.valueOf(v); }
}
