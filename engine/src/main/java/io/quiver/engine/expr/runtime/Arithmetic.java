package io.quiver.engine.expr.runtime;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;

/**
 * Checked arithmetic as PostgreSQL does it: overflow and division by zero are errors, never a
 * silent wrap or an infinity.
 */
public final class Arithmetic {
  private static final long[] POWERS = new long[19];

  static {
    long power = 1;
    for (int i = 0; i < POWERS.length; i++) {
      POWERS[i] = power;
      power *= 10;
    }
  }

  private Arithmetic() {}

  static long power(int exponent) {
    return POWERS[exponent];
  }

  static String typeName(int bits) {
    switch (bits) {
      case 8: return "tinyint";
      case 16: return "smallint";
      case 32: return "integer";
      default: return "bigint";
    }
  }

  static QuiverException outOfRange(int bits) {
    return new QuiverException(ErrorKind.EXECUTION, typeName(bits) + " out of range");
  }

  private static long checkRange(long value, int bits) {
    if (bits < 64) {
      long min = -(1L << (bits - 1));
      long max = (1L << (bits - 1)) - 1;
      if (value < min || value > max) {
        throw outOfRange(bits);
      }
    }
    return value;
  }

  public static long addChecked(long a, long b, int resultBits) {
    long result = a + b;
    if (((a ^ result) & (b ^ result)) < 0) {
      throw outOfRange(resultBits);
    }
    return checkRange(result, resultBits);
  }

  public static long subtractChecked(long a, long b, int resultBits) {
    long result = a - b;
    if (((a ^ b) & (a ^ result)) < 0) {
      throw outOfRange(resultBits);
    }
    return checkRange(result, resultBits);
  }

  public static long multiplyChecked(long a, long b, int resultBits) {
    long high = Math.multiplyHigh(a, b);
    long result = a * b;
    if ((high != 0 || result < 0) && (high != -1 || result >= 0)) {
      throw outOfRange(resultBits);
    }
    return checkRange(result, resultBits);
  }

  public static long negateChecked(long a, int resultBits) {
    if (a == Long.MIN_VALUE) {
      throw outOfRange(resultBits);
    }
    return checkRange(-a, resultBits);
  }

  public static long absChecked(long a, int resultBits) {
    return a < 0 ? negateChecked(a, resultBits) : a;
  }

  public static long divideChecked(long a, long b, int resultBits) {
    if (b == 0) {
      throw divisionByZero();
    }
    if (b == -1) {
      return negateChecked(a, resultBits);
    }
    return a / b;
  }

  public static long moduloChecked(long a, long b) {
    if (b == 0) {
      throw divisionByZero();
    }
    return b == -1 ? 0 : a % b;
  }

  public static double divideDouble(double a, double b) {
    if (b == 0.0) {
      throw divisionByZero();
    }
    return a / b;
  }

  public static double moduloDouble(double a, double b) {
    if (b == 0.0) {
      throw divisionByZero();
    }
    return a % b;
  }

  public static QuiverException divisionByZero() {
    return new QuiverException(ErrorKind.EXECUTION, "division by zero");
  }

  /** ROUND(decimal, digits) at the same scale, half away from zero. */
  public static long roundDecimal(long unscaled, int scale, int digits) {
    int drop = scale - digits;
    if (drop <= 0) {
      return unscaled;
    }
    if (drop > 18) {
      return 0;
    }
    long factor = POWERS[drop];
    long remainder = unscaled % factor;
    long rounded = unscaled - remainder;
    if (Math.abs(remainder) * 2 >= factor) {
      rounded = unscaled < 0 ? Math.subtractExact(rounded, factor)
          : Math.addExact(rounded, factor);
    }
    return rounded;
  }

  public static double roundDouble(double value, int digits) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return value;
    }
    return new java.math.BigDecimal(Double.toString(value))
        .setScale(digits, java.math.RoundingMode.HALF_UP).doubleValue();
  }

  /** FLOOR of a decimal; the result is unscaled at scale 0. */
  public static long floorDecimal(long unscaled, int scale) {
    return Math.floorDiv(unscaled, POWERS[scale]);
  }

  public static long ceilDecimal(long unscaled, int scale) {
    return -Math.floorDiv(-unscaled, POWERS[scale]);
  }

  public static double power(double a, double b) {
    double result = Math.pow(a, b);
    if (Double.isNaN(result) && !Double.isNaN(a) && !Double.isNaN(b)) {
      throw new QuiverException(ErrorKind.EXECUTION,
          "a negative number raised to a non-integer power yields a complex result");
    }
    return result;
  }

  public static double sqrt(double a) {
    if (a < 0) {
      throw new QuiverException(ErrorKind.EXECUTION,
          "cannot take square root of a negative number");
    }
    return Math.sqrt(a);
  }

  public static long decimalAddChecked(long a, long b, int precision) {
    long result = a + b;
    if (((a ^ result) & (b ^ result)) < 0) {
      throw decimalOverflow(precision);
    }
    return checkDecimal(result, precision);
  }

  public static long decimalMultiplyChecked(long a, long b, int precision) {
    try {
      return checkDecimal(Math.multiplyExact(a, b), precision);
    } catch (ArithmeticException e) {
      throw decimalOverflow(precision);
    }
  }

  static long checkDecimal(long value, int precision) {
    if (precision < 19 && (value >= POWERS[precision] || value <= -POWERS[precision])) {
      throw decimalOverflow(precision);
    }
    return value;
  }

  static QuiverException decimalOverflow(int precision) {
    return new QuiverException(ErrorKind.EXECUTION,
        "decimal overflow: value does not fit DECIMAL(" + precision + ")");
  }
}
