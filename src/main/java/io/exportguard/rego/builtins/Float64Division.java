package io.exportguard.rego.builtins;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A quotient without a finite decimal form, as OPA computes it: both operands and the quotient
 * rounded to a binary float with a 64-bit mantissa (Go's big.Float default precision), printed as
 * the shortest decimal that rounds back to the same float. So {@code 1 / 3} is
 * {@code 0.33333333333333333334}, digit for digit what OPA answers.
 */
final class Float64Division {
  private static final int BITS = 64;

  private Float64Division() {}

  static BigDecimal divide(BigDecimal x, BigDecimal y) {
    Binary a = Binary.of(x);
    Binary b = Binary.of(y);
    Binary q = Binary.round(a.mantissa, b.mantissa).scale(a.exponent - b.exponent);
    boolean negative = x.signum() * y.signum() < 0;
    BigDecimal exact = q.toDecimal();
    BigDecimal head = leadingDigits(exact);
    for (int digits = 1; digits <= 30; digits++) {
      BigDecimal candidate = head.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (Binary.of(candidate).equals(q)) return negative ? candidate.negate() : candidate;
    }
    return negative ? exact.negate() : exact;
  }

  /**
   * The first 40 digits of x, plus a trailing 1 when anything nonzero follows them: rounding this to
   * 30 digits or fewer gives what rounding x would (ties stay ties, anything above half stays above),
   * without re-dividing x's thousands of digits for every candidate length.
   */
  private static BigDecimal leadingDigits(BigDecimal x) {
    BigDecimal head = x.round(new MathContext(40, RoundingMode.DOWN));
    if (head.compareTo(x) == 0) return head;
    return new BigDecimal(head.unscaledValue().multiply(BigInteger.TEN).add(BigInteger.ONE), head.scale() + 1);
  }

  /** A positive binary float: mantissa × 2^exponent, the mantissa exactly 64 bits long. */
  private record Binary(BigInteger mantissa, int exponent) {

    static Binary of(BigDecimal x) {
      BigDecimal abs = x.abs();
      BigInteger num = abs.unscaledValue();
      BigInteger den = BigInteger.ONE;
      if (abs.scale() > 0) den = BigInteger.TEN.pow(abs.scale());
      else num = num.multiply(BigInteger.TEN.pow(-abs.scale()));
      return round(num, den);
    }

    /** num / den rounded half-to-even to a 64-bit mantissa. */
    static Binary round(BigInteger num, BigInteger den) {
      int e = num.bitLength() - den.bitLength() - BITS;
      while (true) {
        BigInteger n = e < 0 ? num.shiftLeft(-e) : num;
        BigInteger d = e > 0 ? den.shiftLeft(e) : den;
        BigInteger[] qr = n.divideAndRemainder(d);
        BigInteger q = qr[0];
        if (q.bitLength() > BITS) {
          e++;
          continue;
        }
        if (q.bitLength() < BITS) {
          e--;
          continue;
        }
        int half = qr[1].shiftLeft(1).compareTo(d);
        if (half > 0 || (half == 0 && q.testBit(0))) q = q.add(BigInteger.ONE);
        if (q.bitLength() > BITS) {
          q = q.shiftRight(1);
          e++;
        }
        return new Binary(q, e);
      }
    }

    Binary scale(int by) { return new Binary(mantissa, exponent + by); }

    BigDecimal toDecimal() {
      if (exponent >= 0) return new BigDecimal(mantissa.shiftLeft(exponent));
      return new BigDecimal(mantissa.multiply(BigInteger.valueOf(5).pow(-exponent)), -exponent);
    }
  }
}
