package io.quiver.engine.expr.runtime;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Arithmetic on {@link Int128} holders without allocation on the common paths (values that
 * fit in a long); rare wide cases go through BigInteger.
 */
public final class Int128Math {
  private static final BigInteger[] POWERS = new BigInteger[39];
  private static final long[] LONG_POWERS = new long[19];

  static {
    BigInteger power = BigInteger.ONE;
    long longPower = 1;
    for (int i = 0; i < POWERS.length; i++) {
      POWERS[i] = power;
      power = power.multiply(BigInteger.TEN);
      if (i < LONG_POWERS.length) {
        LONG_POWERS[i] = longPower;
        longPower *= 10;
      }
    }
  }

  private Int128Math() {}

  public static void set(Int128 out, long value) {
    out.low = value;
    out.high = value >> 63;
  }

  public static void copy(Int128 from, Int128 to) {
    to.high = from.high;
    to.low = from.low;
  }

  public static boolean fitsInLong(Int128 a) {
    return a.high == (a.low >> 63);
  }

  public static void add(Int128 a, Int128 b, Int128 out) {
    long low = a.low + b.low;
    long carry = Long.compareUnsigned(low, a.low) < 0 ? 1 : 0;
    long high = a.high + b.high + carry;
    if (((a.high ^ high) & (b.high ^ high)) < 0) {
      throw overflow();
    }
    out.low = low;
    out.high = high;
  }

  public static void addLong(Int128 a, long b, Int128 out) {
    long low = a.low + b;
    long carry = Long.compareUnsigned(low, a.low) < 0 ? 1 : 0;
    long bHigh = b >> 63;
    long high = a.high + bHigh + carry;
    if (((a.high ^ high) & (bHigh ^ high)) < 0) {
      throw overflow();
    }
    out.low = low;
    out.high = high;
  }

  public static void negate(Int128 a, Int128 out) {
    long low = -a.low;
    long high = ~a.high + (a.low == 0 ? 1 : 0);
    if (a.high == Long.MIN_VALUE && a.low == 0) {
      throw overflow();
    }
    out.low = low;
    out.high = high;
  }

  public static void subtract(Int128 a, Int128 b, Int128 out) {
    long low = a.low - b.low;
    long borrow = Long.compareUnsigned(a.low, b.low) < 0 ? 1 : 0;
    long high = a.high - b.high - borrow;
    if (((a.high ^ b.high) & (a.high ^ high)) < 0) {
      throw overflow();
    }
    out.low = low;
    out.high = high;
  }

  public static void multiplyLongs(long a, long b, Int128 out) {
    out.low = a * b;
    out.high = Math.multiplyHigh(a, b);
  }

  public static void multiply(Int128 a, Int128 b, Int128 out) {
    if (fitsInLong(a) && fitsInLong(b)) {
      multiplyLongs(a.low, b.low, out);
      return;
    }
    fromBigInteger(toBigInteger(a).multiply(toBigInteger(b)), out);
  }

  public static int compare(Int128 a, Int128 b) {
    int high = Long.compare(a.high, b.high);
    return high != 0 ? high : Long.compareUnsigned(a.low, b.low);
  }

  public static int signum(Int128 a) {
    if (a.high < 0) {
      return -1;
    }
    return a.high == 0 && a.low == 0 ? 0 : 1;
  }

  public static long toLongExact(Int128 a) {
    if (!fitsInLong(a)) {
      throw overflow();
    }
    return a.low;
  }

  public static double toDouble(Int128 a, int scale) {
    double unsignedLow = (a.low >>> 1) * 2.0 + (a.low & 1);
    double value = a.high * 18446744073709551616.0 + unsignedLow;
    return scale == 0 ? value : value / Math.pow(10, scale);
  }

  /** Changes the scale, rounding half away from zero when the scale shrinks. */
  public static void rescale(Int128 a, int fromScale, int toScale, Int128 out) {
    if (fromScale == toScale) {
      copy(a, out);
      return;
    }
    if (fitsInLong(a)) {
      long value = a.low;
      if (toScale > fromScale && toScale - fromScale < 19) {
        long factor = LONG_POWERS[toScale - fromScale];
        long high = Math.multiplyHigh(value, factor);
        long low = value * factor;
        out.low = low;
        out.high = high;
        return;
      }
      if (toScale < fromScale && fromScale - toScale < 19) {
        long factor = LONG_POWERS[fromScale - toScale];
        long quotient = value / factor;
        long remainder = value % factor;
        if (Math.abs(remainder) * 2 >= factor) {
          quotient += value < 0 ? -1 : 1;
        }
        set(out, quotient);
        return;
      }
    }
    BigDecimal value = new BigDecimal(toBigInteger(a), fromScale)
        .setScale(toScale, RoundingMode.HALF_UP);
    fromBigInteger(value.unscaledValue(), out);
  }

  public static void divide(Int128 a, int aScale, Int128 b, int bScale, int outScale,
      Int128 out) {
    if (signum(b) == 0) {
      throw new QuiverException(ErrorKind.EXECUTION, "division by zero");
    }
    BigDecimal quotient = new BigDecimal(toBigInteger(a), aScale)
        .divide(new BigDecimal(toBigInteger(b), bScale), outScale, RoundingMode.HALF_UP);
    fromBigInteger(quotient.unscaledValue(), out);
  }

  /** Fails with "decimal overflow" when |a| does not fit {@code precision} digits. */
  public static void checkPrecision(Int128 a, int precision) {
    if (precision >= 39) {
      return;
    }
    if (fitsInLong(a)) {
      if (precision >= 19) {
        return;
      }
      long value = a.low;
      long limit = LONG_POWERS[precision];
      if (value >= limit || value <= -limit) {
        throw decimalOverflow(precision);
      }
      return;
    }
    if (toBigInteger(a).abs().compareTo(POWERS[precision]) >= 0) {
      throw decimalOverflow(precision);
    }
  }

  public static void readLittleEndian(long address, Int128 out) {
    out.low = MemoryUtil.getLong(address);
    out.high = MemoryUtil.getLong(address + 8);
  }

  public static void writeLittleEndian(Int128 a, long address) {
    MemoryUtil.putLong(address, a.low);
    MemoryUtil.putLong(address + 8, a.high);
  }

  public static BigDecimal toBigDecimal(Int128 a, int scale) {
    return new BigDecimal(toBigInteger(a), scale);
  }

  public static void fromBigDecimal(BigDecimal value, int scale, Int128 out) {
    fromBigInteger(value.setScale(scale, RoundingMode.HALF_UP).unscaledValue(), out);
  }

  static BigInteger toBigInteger(Int128 a) {
    if (fitsInLong(a)) {
      return BigInteger.valueOf(a.low);
    }
    return BigInteger.valueOf(a.high).shiftLeft(64)
        .add(new BigInteger(Long.toUnsignedString(a.low)));
  }

  static void fromBigInteger(BigInteger value, Int128 out) {
    if (value.bitLength() > 127) {
      throw overflow();
    }
    out.low = value.longValue();
    out.high = value.shiftRight(64).longValue();
  }

  public static long hash(Int128 a) {
    return a.high * 0x9E3779B97F4A7C15L ^ a.low;
  }

  /** Adds a signed long to the 128-bit accumulator at {@code index} of parallel arrays. */
  public static void addLongToArrays(long[] high, long[] low, int index, long value) {
    long before = low[index];
    long after = before + value;
    high[index] += (value >> 63) + (Long.compareUnsigned(after, before) < 0 ? 1 : 0);
    low[index] = after;
  }

  public static void addToArrays(long[] high, long[] low, int index, long valueHigh,
      long valueLow) {
    long before = low[index];
    long after = before + valueLow;
    high[index] += valueHigh + (Long.compareUnsigned(after, before) < 0 ? 1 : 0);
    low[index] = after;
  }

  private static QuiverException overflow() {
    return new QuiverException(ErrorKind.EXECUTION,
        "decimal overflow: value does not fit 128 bits (DECIMAL(38))");
  }

  private static QuiverException decimalOverflow(int precision) {
    return new QuiverException(ErrorKind.EXECUTION,
        "decimal overflow: value does not fit DECIMAL(" + precision + ")");
  }
}
