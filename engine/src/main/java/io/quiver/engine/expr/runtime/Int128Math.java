package io.quiver.engine.expr.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Arithmetic on {@link Int128} holders for wide DECIMAL values (precision 19 to 38), without
 * allocation except in {@link #divide}, {@link #toBigDecimal}, {@link #fromBigDecimal} and
 * {@link #toDouble} of a value beyond a long.
 *
 * <p>Every operation writes its result into an {@code out} holder, which may be one of the
 * operands. Overflow of 128 bits is an EXECUTION error "decimal overflow"; checking the
 * precision of a DECIMAL type is the separate step {@link #checkPrecision}.
 */
public final class Int128Math {
  private Int128Math() {}

  /** {@code 10^k} for k in 0..18 as longs. */
  static final long[] POWERS_OF_TEN = {
    1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L,
    1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L,
    10_000_000_000_000L, 100_000_000_000_000L, 1_000_000_000_000_000L,
    10_000_000_000_000_000L, 100_000_000_000_000_000L, 1_000_000_000_000_000_000L
  };

  /** {@code 10^k} for k in 0..38: high halves. */
  private static final long[] POWER_HIGH = new long[39];
  /** {@code 10^k} for k in 0..38: low halves. */
  private static final long[] POWER_LOW = new long[39];

  static {
    BigInteger power = BigInteger.ONE;
    for (int k = 0; k <= 38; k++) {
      POWER_LOW[k] = power.longValue();
      POWER_HIGH[k] = power.shiftRight(64).longValue();
      power = power.multiply(BigInteger.TEN);
    }
  }

  /** {@code out = value}. */
  public static void set(Int128 out, long value) {
    out.high = value >> 63;
    out.low = value;
  }

  /** {@code to = from}. */
  public static void copy(Int128 from, Int128 to) {
    to.high = from.high;
    to.low = from.low;
  }

  /** {@code out = a + b}; EXECUTION "decimal overflow" when the sum leaves 128 bits. */
  public static void add(Int128 a, Int128 b, Int128 out) {
    add(a.high, a.low, b.high, b.low, out);
  }

  private static void add(long aHigh, long aLow, long bHigh, long bLow, Int128 out) {
    long low = aLow + bLow;
    long carry = Long.compareUnsigned(low, aLow) < 0 ? 1 : 0;
    long high = aHigh + bHigh + carry;
    // overflow when both operands have the same sign and the result's sign differs
    if (((aHigh ^ high) & (bHigh ^ high)) < 0) {
      throw RuntimeErrors.decimalOverflow();
    }
    out.high = high;
    out.low = low;
  }

  /** {@code out = a + b} for a long {@code b}. */
  public static void addLong(Int128 a, long b, Int128 out) {
    add(a.high, a.low, b >> 63, b, out);
  }

  /** {@code out = a - b}; EXECUTION "decimal overflow" when the difference leaves 128 bits. */
  public static void subtract(Int128 a, Int128 b, Int128 out) {
    long low = a.low - b.low;
    long borrow = Long.compareUnsigned(a.low, b.low) < 0 ? 1 : 0;
    long high = a.high - b.high - borrow;
    if (((a.high ^ b.high) & (a.high ^ high)) < 0) {
      throw RuntimeErrors.decimalOverflow();
    }
    out.high = high;
    out.low = low;
  }

  /** {@code out = -a}; EXECUTION "decimal overflow" for the minimum value. */
  public static void negate(Int128 a, Int128 out) {
    if (a.high == Long.MIN_VALUE && a.low == 0) {
      throw RuntimeErrors.decimalOverflow();
    }
    long low = -a.low;
    long high = ~a.high + (a.low == 0 ? 1 : 0);
    out.high = high;
    out.low = low;
  }

  /** {@code out = a * b} exactly (a 64x64 product always fits 128 bits). */
  public static void multiplyLongs(long a, long b, Int128 out) {
    out.high = Math.multiplyHigh(a, b);
    out.low = a * b;
  }

  /**
   * {@code out = a * b} exactly; EXECUTION "decimal overflow" when the product leaves 128 bits.
   * Operands that both fit a long take the fast {@link Math#multiplyHigh} path.
   */
  public static void multiply(Int128 a, Int128 b, Int128 out) {
    if (fitsInLong(a) && fitsInLong(b)) {
      multiplyLongs(a.low, b.low, out);
      return;
    }
    multiplyWide(a.high, a.low, b.high, b.low, out);
  }

  /**
   * {@code out = a * b} for a long {@code b} (a DECIMAL(p &lt;= 18) operand), as {@link
   * #multiply} does without first widening {@code b} to 128 bits.
   */
  public static void multiplyByLong(Int128 a, long b, Int128 out) {
    if (fitsInLong(a)) {
      multiplyLongs(a.low, b, out);
      return;
    }
    multiplyWide(a.high, a.low, b >> 63, b, out);
  }

  private static void multiplyWide(long aHighSigned, long aLowSigned, long bHighSigned,
      long bLowSigned, Int128 out) {
    boolean negative = (aHighSigned ^ bHighSigned) < 0;
    long aHigh = aHighSigned;
    long aLow = aLowSigned;
    if (aHigh < 0) {
      aLow = -aLowSigned;
      aHigh = ~aHighSigned + (aLowSigned == 0 ? 1 : 0);
    }
    long bHigh = bHighSigned;
    long bLow = bLowSigned;
    if (bHigh < 0) {
      bLow = -bLowSigned;
      bHigh = ~bHighSigned + (bLowSigned == 0 ? 1 : 0);
    }
    // magnitudes are unsigned; the minimum value has magnitude 2^127 (aHigh == MIN_VALUE)
    if (aHigh != 0 && bHigh != 0) {
      throw RuntimeErrors.decimalOverflow();
    }
    long low = aLow * bLow;
    long high = unsignedMultiplyHigh(aLow, bLow);
    long cross1High = unsignedMultiplyHigh(aHigh, bLow);
    long cross1 = aHigh * bLow;
    long cross2High = unsignedMultiplyHigh(aLow, bHigh);
    long cross2 = aLow * bHigh;
    if (cross1High != 0 || cross2High != 0) {
      throw RuntimeErrors.decimalOverflow();
    }
    long sum = high + cross1;
    if (Long.compareUnsigned(sum, high) < 0) {
      throw RuntimeErrors.decimalOverflow();
    }
    long sum2 = sum + cross2;
    if (Long.compareUnsigned(sum2, sum) < 0) {
      throw RuntimeErrors.decimalOverflow();
    }
    high = sum2;
    // the unsigned magnitude must fit 127 bits, or be exactly 2^127 for a negative result
    if (high < 0 && !(negative && high == Long.MIN_VALUE && low == 0)) {
      throw RuntimeErrors.decimalOverflow();
    }
    if (negative) {
      out.high = ~high + (low == 0 ? 1 : 0);
      out.low = -low;
    } else {
      out.high = high;
      out.low = low;
    }
  }

  /** The upper 64 bits of the unsigned 128-bit product of two unsigned longs. */
  static long unsignedMultiplyHigh(long a, long b) {
    long result = Math.multiplyHigh(a, b);
    result += (a >> 63) & b;
    result += (b >> 63) & a;
    return result;
  }

  /**
   * {@code a = a * factor + addend} for a non-negative {@code a} and non-negative
   * {@code factor} and {@code addend}; returns false (leaving {@code a} undefined) when the
   * result does not fit 127 bits. Used to accumulate digits.
   */
  static boolean multiplyAddMagnitude(Int128 a, long factor, long addend) {
    long low = a.low * factor;
    long carry = unsignedMultiplyHigh(a.low, factor);
    long highProductHigh = Math.multiplyHigh(a.high, factor);
    long high = a.high * factor;
    if (highProductHigh != 0 || high < 0) {
      return false;
    }
    high += carry;
    if (high < 0) {
      return false;
    }
    long sum = low + addend;
    if (Long.compareUnsigned(sum, low) < 0) {
      high++;
      if (high < 0) {
        return false;
      }
    }
    a.high = high;
    a.low = sum;
    return true;
  }

  /** Compares two values as signed 128-bit integers. */
  public static int compare(Int128 a, Int128 b) {
    if (a.high != b.high) {
      return Long.compare(a.high, b.high);
    }
    return Long.compareUnsigned(a.low, b.low);
  }

  /** -1, 0 or 1. */
  public static int signum(Int128 a) {
    if (a.high < 0) {
      return -1;
    }
    return (a.high == 0 && a.low == 0) ? 0 : 1;
  }

  /** Whether the value fits a signed long. */
  public static boolean fitsInLong(Int128 a) {
    return a.high == (a.low >> 63);
  }

  /** The value as a long; EXECUTION "bigint out of range" when it does not fit. */
  public static long toLongExact(Int128 a) {
    if (!fitsInLong(a)) {
      throw RuntimeErrors.outOfRange(64);
    }
    return a.low;
  }

  /**
   * The value of {@code a / 10^scale} as the nearest double (through BigDecimal, allocating,
   * when the value does not fit a long).
   */
  public static double toDouble(Int128 a, int scale) {
    if (fitsInLong(a)) {
      return Casts.decimalToDouble(a.low, scale);
    }
    return toBigDecimal(a, scale).doubleValue();
  }

  /**
   * {@code out = a} moved from {@code fromScale} to {@code toScale}: multiplied by
   * {@code 10^(toScale - fromScale)}, or divided rounding half away from zero.
   */
  public static void rescale(Int128 a, int fromScale, int toScale, Int128 out) {
    if (toScale == fromScale) {
      copy(a, out);
    } else if (toScale > fromScale) {
      multiplyByPowerOfTen(a, toScale - fromScale, out);
    } else {
      divideByPowerOfTenRounded(a, fromScale - toScale, out);
    }
  }

  /** {@code 10^k} for k in 0..38 as read-only holders (never handed out). */
  private static final Int128[] POWER_HOLDERS = new Int128[39];

  static {
    for (int k = 0; k <= 38; k++) {
      POWER_HOLDERS[k] = new Int128(POWER_HIGH[k], POWER_LOW[k]);
    }
  }

  /** {@code out = a * 10^k}, with overflow checking. No allocation. */
  static void multiplyByPowerOfTen(Int128 a, int k, Int128 out) {
    if (k > 38) {
      if (signum(a) != 0) {
        throw RuntimeErrors.decimalOverflow();
      }
      set(out, 0);
      return;
    }
    multiply(a, POWER_HOLDERS[k], out);
  }

  /**
   * {@code out = a / 10^k} rounded half away from zero. No allocation: the magnitude is divided
   * by at most 10^9 at a time (truncating divisions compose exactly), and the last digit divided
   * off decides the rounding.
   */
  static void divideByPowerOfTenRounded(Int128 a, int k, Int128 out) {
    if (k > 39) {
      set(out, 0);
      return;
    }
    if (fitsInLong(a)) {
      long value = a.low;
      if (k > 18) {
        // |value| < 9.3 * 10^18: only 10^19 can round it away from zero
        boolean roundsUp = k == 19 && (value >= 5_000_000_000_000_000_000L
            || value <= -5_000_000_000_000_000_000L);
        set(out, roundsUp ? Long.signum(value) : 0);
        return;
      }
      set(out, Arithmetic.divideRoundHalfAwayFromZero(value, POWERS_OF_TEN[k]));
      return;
    }
    boolean negative = a.high < 0;
    if (negative) {
      long low = -a.low;
      out.high = ~a.high + (a.low == 0 ? 1 : 0); // 2^127 stays as an unsigned magnitude
      out.low = low;
    } else {
      out.high = a.high;
      out.low = a.low;
    }
    int remaining = k - 1;
    while (remaining > 0) {
      int step = Math.min(9, remaining);
      divideUnsignedInPlace(out, POWERS_OF_TEN[step]);
      remaining -= step;
    }
    long digit = divideUnsignedInPlace(out, 10);
    if (digit >= 5) {
      out.low++;
      if (out.low == 0) {
        out.high++;
      }
    }
    if (negative) {
      long low = -out.low;
      out.high = ~out.high + (out.low == 0 ? 1 : 0);
      out.low = low;
    }
  }

  /**
   * Divides the unsigned 128-bit value in {@code value} by {@code divisor} (below 2^32) in place
   * and returns the remainder.
   */
  static long divideUnsignedInPlace(Int128 value, long divisor) {
    long limb3 = value.high >>> 32;
    long limb2 = value.high & 0xFFFFFFFFL;
    long limb1 = value.low >>> 32;
    long limb0 = value.low & 0xFFFFFFFFL;
    long current = limb3;
    long quotient3 = current / divisor;
    current = ((current % divisor) << 32) | limb2;
    long quotient2 = current / divisor;
    current = ((current % divisor) << 32) | limb1;
    long quotient1 = current / divisor;
    current = ((current % divisor) << 32) | limb0;
    long quotient0 = current / divisor;
    value.high = (quotient3 << 32) | quotient2;
    value.low = (quotient1 << 32) | quotient0;
    return current % divisor;
  }

  /**
   * {@code out = (a / 10^aScale) / (b / 10^bScale)} at {@code outScale}, rounded half away from
   * zero. Division by zero is an EXECUTION error "division by zero". Uses BigInteger (division is
   * rare).
   */
  public static void divide(Int128 a, int aScale, Int128 b, int bScale, int outScale, Int128 out) {
    if (signum(b) == 0) {
      throw RuntimeErrors.divisionByZero();
    }
    // result = a * 10^(outScale - aScale + bScale) / b
    int shift = outScale - aScale + bScale;
    BigInteger dividend = toBigInteger(a);
    BigInteger divisor = toBigInteger(b);
    if (shift >= 0) {
      dividend = dividend.multiply(BigInteger.TEN.pow(shift));
    } else {
      divisor = divisor.multiply(BigInteger.TEN.pow(-shift));
    }
    BigInteger[] parts = dividend.divideAndRemainder(divisor);
    BigInteger quotient = parts[0];
    if (parts[1].signum() != 0 && parts[1].abs().shiftLeft(1).compareTo(divisor.abs()) >= 0) {
      quotient = quotient.add(BigInteger.valueOf(dividend.signum() * divisor.signum()));
    }
    fromBigInteger(quotient, out);
  }

  /**
   * Checks that {@code |a| < 10^precision}; EXECUTION "decimal overflow: value does not fit
   * DECIMAL(p)" otherwise.
   */
  public static void checkPrecision(Int128 a, int precision) {
    if (!fitsPrecision(a, precision)) {
      throw RuntimeErrors.decimalOverflow(precision);
    }
  }

  /**
   * Checks that {@code |a| < 10^precision}; EXECUTION "decimal overflow: value does not fit
   * DECIMAL(p,s)" otherwise.
   */
  public static void checkPrecision(Int128 a, int precision, int scale) {
    if (!fitsPrecision(a, precision)) {
      throw RuntimeErrors.decimalOverflow(precision, scale);
    }
  }

  /** Whether {@code |a| < 10^precision}. */
  public static boolean fitsPrecision(Int128 a, int precision) {
    if (precision >= 39) {
      return true;
    }
    long high = a.high;
    long low = a.low;
    if (high < 0) {
      low = -a.low;
      high = ~a.high + (a.low == 0 ? 1 : 0);
      if (high < 0) {
        return false; // 2^127
      }
    }
    long limitHigh = POWER_HIGH[precision];
    long limitLow = POWER_LOW[precision];
    return high < limitHigh || (high == limitHigh && Long.compareUnsigned(low, limitLow) < 0);
  }

  /** Reads 16 little-endian bytes (the Arrow DecimalVector layout) into {@code out}. */
  public static void readLittleEndian(long address, Int128 out) {
    if (MemoryUtil.LITTLE_ENDIAN) {
      out.low = MemoryUtil.getLong(address);
      out.high = MemoryUtil.getLong(address + 8);
    } else {
      out.low = Long.reverseBytes(MemoryUtil.getLong(address));
      out.high = Long.reverseBytes(MemoryUtil.getLong(address + 8));
    }
  }

  /** Writes {@code a} as 16 little-endian bytes (the Arrow DecimalVector layout). */
  public static void writeLittleEndian(Int128 a, long address) {
    if (MemoryUtil.LITTLE_ENDIAN) {
      MemoryUtil.putLong(address, a.low);
      MemoryUtil.putLong(address + 8, a.high);
    } else {
      MemoryUtil.putLong(address, Long.reverseBytes(a.low));
      MemoryUtil.putLong(address + 8, Long.reverseBytes(a.high));
    }
  }

  /** The value {@code a / 10^scale} as a BigDecimal (allocates). */
  public static BigDecimal toBigDecimal(Int128 a, int scale) {
    return new BigDecimal(toBigInteger(a), scale);
  }

  /**
   * {@code out} = the unscaled value of {@code value} at {@code scale}, rounding half away from
   * zero; EXECUTION "decimal overflow" when it leaves 128 bits.
   */
  public static void fromBigDecimal(BigDecimal value, int scale, Int128 out) {
    fromBigInteger(value.setScale(scale, RoundingMode.HALF_UP).unscaledValue(), out);
  }

  /** The value as a BigInteger (allocates). */
  static BigInteger toBigInteger(Int128 a) {
    if (fitsInLong(a)) {
      return BigInteger.valueOf(a.low);
    }
    byte[] bytes = new byte[16];
    for (int i = 0; i < 8; i++) {
      bytes[i] = (byte) (a.high >>> (56 - 8 * i));
      bytes[8 + i] = (byte) (a.low >>> (56 - 8 * i));
    }
    return new BigInteger(bytes);
  }

  /** {@code out = value}; EXECUTION "decimal overflow" when it leaves 128 bits. */
  static void fromBigInteger(BigInteger value, Int128 out) {
    if (value.bitLength() > 127) {
      throw RuntimeErrors.decimalOverflow();
    }
    out.low = value.longValue();
    out.high = value.shiftRight(64).longValue();
  }

  /** A 64-bit hash of the value; equal to the hash of a long for values that fit a long. */
  public static long hash(Int128 a) {
    long h = a.low * 0x9E3779B97F4A7C15L;
    if (a.high != (a.low >> 63)) {
      h ^= Long.rotateLeft(a.high * 0xC2B2AE3D27D4EB4FL, 29);
    }
    return Utf8Strings.avalanche(h);
  }

  /**
   * Adds a signed long to the 128-bit accumulator {@code (high[index], low[index])} (wide sums in
   * aggregates). Never overflows in practice (2^64 additions of longs fit 128 bits).
   */
  public static void addLongToArrays(long[] high, long[] low, int index, long value) {
    long before = low[index];
    long after = before + value;
    low[index] = after;
    high[index] += (value >> 63) + (Long.compareUnsigned(after, before) < 0 ? 1 : 0);
  }

  /** Adds the 128-bit value {@code (valueHigh, valueLow)} to the accumulator at {@code index}. */
  public static void addToArrays(long[] high, long[] low, int index, long valueHigh,
      long valueLow) {
    long before = low[index];
    long after = before + valueLow;
    low[index] = after;
    high[index] += valueHigh + (Long.compareUnsigned(after, before) < 0 ? 1 : 0);
  }
}
