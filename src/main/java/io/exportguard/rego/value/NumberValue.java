package io.exportguard.rego.value;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An arbitrary-precision number. Equality is numeric, as in OPA: {@code 1 == 1.0}.
 */
public final class NumberValue implements Value {
  public static final NumberValue ZERO = new NumberValue(BigDecimal.ZERO);
  public static final NumberValue ONE = new NumberValue(BigDecimal.ONE);

  private final BigDecimal value;
  private int hash;

  private NumberValue(BigDecimal value) { this.value = value; }

  public static NumberValue of(BigDecimal value) { return new NumberValue(value); }
  public static NumberValue of(long value) { return new NumberValue(BigDecimal.valueOf(value)); }
  public static NumberValue of(BigInteger value) { return new NumberValue(new BigDecimal(value)); }

  /** Parses a JSON/Rego number literal; throws NumberFormatException when it is not one. */
  public static NumberValue parse(String literal) { return new NumberValue(new BigDecimal(literal)); }

  public BigDecimal value() { return value; }

  /** True when the number has no fractional part. */
  public boolean isInteger() {
    return value.signum() == 0 || value.scale() <= 0 || stripZeros(value).scale() <= 0;
  }

  /** The value as an int when it is an integer in int range, else null. */
  public Integer intValueOrNull() {
    if (!isInteger()) return null;
    try { return value.intValueExact(); } catch (ArithmeticException e) { return null; }
  }

  /** The value as a long when it is an integer in long range, else null. */
  public Long longValueOrNull() {
    if (!isInteger()) return null;
    try { return value.longValueExact(); } catch (ArithmeticException e) { return null; }
  }

  /**
   * {@link BigDecimal#stripTrailingZeros()} without its one division by ten per zero, which takes
   * seconds on a 100,000-digit input number: the zero count k is found bit by bit (10^k divides the
   * digits only if 2^k does, so k is at most the lowest set bit), in log(k) divisions.
   */
  public static BigDecimal stripZeros(BigDecimal d) {
    if (d.signum() == 0) return BigDecimal.ZERO;
    BigInteger digits = d.unscaledValue();
    int most = digits.getLowestSetBit();
    if (most < 64) return d.stripTrailingZeros();
    int removed = 0;
    for (int bit = Integer.highestOneBit(most); bit > 0; bit >>= 1) {
      if (removed + bit > most) continue;
      BigInteger[] qr = digits.divideAndRemainder(BigInteger.TEN.pow(bit));
      if (qr[1].signum() == 0) {
        digits = qr[0];
        removed += bit;
      }
    }
    long scale = (long) d.scale() - removed;
    // Past int range the library's own error is the right answer (it cannot be represented either).
    if (scale < Integer.MIN_VALUE) return d.stripTrailingZeros();
    return new BigDecimal(digits, (int) scale);
  }

  @Override public int typeOrder() { return 2; }
  @Override public String typeName() { return "number"; }
  @Override public int compareSameType(Value other) { return value.compareTo(((NumberValue) other).value); }
  @Override public Object toJava() { return value; }

  @Override
  public boolean equals(Object o) {
    return o instanceof NumberValue n && value.compareTo(n.value) == 0;
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = value.signum() == 0 ? 1 : stripZeros(value).hashCode();
      hash = h;
    }
    return h;
  }

  /** OPA's printed form: integers without a fraction, others in plain notation where sensible. */
  @Override
  public String toString() {
    if (isInteger()) {
      BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : stripZeros(value);
      if (stripped.scale() >= -20) return stripped.toPlainString();
      return stripped.toString().replace("E+", "e+").replace("E-", "e-");
    }
    BigDecimal stripped = stripZeros(value);
    int exponent = stripped.precision() - stripped.scale() - 1;
    if (exponent < -20 || exponent > 20) return stripped.toString().replace("E+", "e+").replace("E-", "e-");
    return stripped.toPlainString();
  }
}
