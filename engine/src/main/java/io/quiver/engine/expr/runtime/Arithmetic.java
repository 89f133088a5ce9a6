package io.quiver.engine.expr.runtime;

/**
 * Checked arithmetic for compiled expressions. Integer operations take the width of the SQL
 * result type in bits ({@code resultBits}: 8 TINYINT, 16 SMALLINT, 32 INTEGER, 64 BIGINT) and
 * raise EXECUTION "tinyint/smallint/integer/bigint out of range" when the result leaves that
 * type, as PostgreSQL and DuckDB do. Decimal helpers work on unscaled longs (precision <= 18).
 */
public final class Arithmetic {
  private Arithmetic() {}

  private static long checkRange(long value, int resultBits) {
    if (resultBits < 64) {
      long min = -1L << (resultBits - 1);
      long max = ~min;
      if (value < min || value > max) {
        throw RuntimeErrors.outOfRange(resultBits);
      }
    }
    return value;
  }

  /** {@code a + b} checked against the result type. */
  public static long addChecked(long a, long b, int resultBits) {
    long sum = a + b;
    if (((a ^ sum) & (b ^ sum)) < 0) {
      throw RuntimeErrors.outOfRange(resultBits);
    }
    return checkRange(sum, resultBits);
  }

  /** {@code a - b} checked against the result type. */
  public static long subtractChecked(long a, long b, int resultBits) {
    long difference = a - b;
    if (((a ^ b) & (a ^ difference)) < 0) {
      throw RuntimeErrors.outOfRange(resultBits);
    }
    return checkRange(difference, resultBits);
  }

  /** {@code a * b} checked against the result type. */
  public static long multiplyChecked(long a, long b, int resultBits) {
    long high = Math.multiplyHigh(a, b);
    long product = a * b;
    if (high != (product >> 63)) {
      throw RuntimeErrors.outOfRange(resultBits);
    }
    return checkRange(product, resultBits);
  }

  /** {@code -a} checked against the result type. */
  public static long negateChecked(long a, int resultBits) {
    if (a == Long.MIN_VALUE) {
      throw RuntimeErrors.outOfRange(resultBits);
    }
    return checkRange(-a, resultBits);
  }

  /** {@code |a|} checked against the result type ({@code abs(-128::tinyint)} is out of range). */
  public static long absChecked(long a, int resultBits) {
    if (a == Long.MIN_VALUE) {
      throw RuntimeErrors.outOfRange(resultBits);
    }
    return checkRange(Math.abs(a), resultBits);
  }

  /**
   * Integer division truncating toward zero; EXECUTION "division by zero" when {@code b == 0},
   * out of range for {@code MIN / -1}.
   */
  public static long divideChecked(long a, long b, int resultBits) {
    if (b == 0) {
      throw RuntimeErrors.divisionByZero();
    }
    if (b == -1) {
      return negateChecked(a, resultBits);
    }
    return a / b;
  }

  /**
   * Integer remainder with the sign of the dividend, as PostgreSQL and DuckDB; EXECUTION
   * "division by zero" when {@code b == 0}. {@code MIN % -1} is 0.
   */
  public static long moduloChecked(long a, long b) {
    if (b == 0) {
      throw RuntimeErrors.divisionByZero();
    }
    if (b == -1) {
      return 0;
    }
    return a % b;
  }

  /**
   * {@code a / b} for doubles; EXECUTION "division by zero" when {@code b == 0} (PostgreSQL).
   * DuckDB returns NULL there; Quiver follows PostgreSQL because a silent NULL hides the error
   * and a non-null result type must stay non-null.
   */
  public static double divideDouble(double a, double b) {
    if (b == 0) {
      throw RuntimeErrors.divisionByZero();
    }
    return a / b;
  }

  /**
   * {@code a % b} for doubles (sign of the dividend, like fmod); EXECUTION "division by zero"
   * when {@code b == 0}.
   */
  public static double moduloDouble(double a, double b) {
    if (b == 0) {
      throw RuntimeErrors.divisionByZero();
    }
    return a % b;
  }

  /**
   * {@code ROUND(decimal, digits)} keeping the scale: rounds the unscaled value at {@code scale}
   * to {@code digits} decimals (negative digits round to tens, hundreds...), half away from
   * zero. The result has the same scale, so {@code ROUND(1.25, 1)} at scale 2 is 130 (1.30).
   * Overflow (rounding 9.99 up to 10.0 beyond the type) is left to the caller's precision check;
   * values beyond a long raise EXECUTION "decimal overflow".
   */
  public static long roundDecimal(long unscaled, int scale, int digits) {
    if (digits >= scale) {
      return unscaled;
    }
    int drop = scale - digits;
    if (drop > 18) {
      // |unscaled| < 9.3 * 10^18: only 10^19 can round it up
      if (drop == 19 && (unscaled >= 5_000_000_000_000_000_000L
          || unscaled <= -5_000_000_000_000_000_000L)) {
        throw RuntimeErrors.decimalOverflow();
      }
      return 0;
    }
    long factor = Int128Math.POWERS_OF_TEN[drop];
    long rounded = divideRoundHalfAwayFromZero(unscaled, factor);
    long high = Math.multiplyHigh(rounded, factor);
    long result = rounded * factor;
    if (high != (result >> 63)) {
      throw RuntimeErrors.decimalOverflow();
    }
    return result;
  }

  /** {@code value / divisor} (divisor > 0) rounded half away from zero. */
  static long divideRoundHalfAwayFromZero(long value, long divisor) {
    long quotient = value / divisor;
    long remainder = value % divisor;
    // compare 2|r| >= divisor without overflow: |r| >= divisor - |r|
    long absRemainder = Math.abs(remainder);
    if (absRemainder >= divisor - absRemainder) {
      quotient += value < 0 ? -1 : 1;
    }
    return quotient;
  }

  /**
   * {@code ROUND(double, digits)} half away from zero, computed as DuckDB does: the value is
   * multiplied by {@code 10^digits} in double arithmetic, rounded, and divided back, so
   * {@code ROUND(2.675, 2)} is 2.68 (the product rounds to exactly 267.5). Negative digits round
   * to tens, hundreds... NaN and infinities pass through.
   */
  public static double roundDouble(double value, int digits) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return value;
    }
    if (digits == 0) {
      return roundHalfAwayFromZero(value);
    }
    if (digits > 0 && digits <= 22) {
      double factor = TEN_POWERS_DOUBLE[digits];
      double scaled = value * factor;
      if (Math.abs(scaled) >= 0x1p52) {
        return value; // already integral at this precision
      }
      return roundHalfAwayFromZero(scaled) / factor;
    }
    if (digits < 0 && digits >= -22) {
      double factor = TEN_POWERS_DOUBLE[-digits];
      return roundHalfAwayFromZero(value / factor) * factor;
    }
    return digits > 0 ? value : 0.0 * value;
  }

  private static final double[] TEN_POWERS_DOUBLE = new double[23];

  static {
    double power = 1;
    for (int i = 0; i < TEN_POWERS_DOUBLE.length; i++) {
      TEN_POWERS_DOUBLE[i] = power;
      power *= 10;
    }
  }

  /** Rounds to the nearest integer, ties away from zero (unlike {@link Math#rint}). */
  static double roundHalfAwayFromZero(double value) {
    double truncated = value < 0 ? Math.ceil(value) : Math.floor(value);
    double fraction = value - truncated;
    if (fraction >= 0.5) {
      return truncated + 1;
    } else if (fraction <= -0.5) {
      return truncated - 1;
    }
    return truncated;
  }

  /** {@code FLOOR(decimal)}: the unscaled value at scale 0. */
  public static long floorDecimal(long unscaled, int scale) {
    if (scale == 0) {
      return unscaled;
    }
    if (scale > 18) {
      return unscaled < 0 ? -1 : 0;
    }
    return Math.floorDiv(unscaled, Int128Math.POWERS_OF_TEN[scale]);
  }

  /** {@code CEIL(decimal)}: the unscaled value at scale 0. */
  public static long ceilDecimal(long unscaled, int scale) {
    if (scale == 0) {
      return unscaled;
    }
    if (scale > 18) {
      return unscaled > 0 ? 1 : 0;
    }
    long factor = Int128Math.POWERS_OF_TEN[scale];
    long floor = Math.floorDiv(unscaled, factor);
    return floor * factor == unscaled ? floor : floor + 1;
  }

  /**
   * {@code POWER(a, b)} as {@link Math#pow}, following DuckDB: zero to a negative power is
   * infinity and a negative base to a non-integer power is NaN (PostgreSQL raises errors there).
   */
  public static double power(double a, double b) {
    if (a == 0 && b < 0) {
      throw RuntimeErrors.execution("zero raised to a negative power is undefined");
    }
    if (a < 0 && b != Math.rint(b)) {
      throw RuntimeErrors.execution(
          "a negative number raised to a non-integer power yields a complex result");
    }
    return Math.pow(a, b);
  }

  /** {@code SQRT(a)}; EXECUTION "cannot take square root of a negative number" below zero. */
  public static double sqrt(double a) {
    if (a < 0) {
      throw RuntimeErrors.execution("cannot take square root of a negative number");
    }
    return Math.sqrt(a);
  }

  /** Decimal {@code a + b} (same scale), checking {@code |result| < 10^precision}. */
  public static long decimalAddChecked(long a, long b, int precision) {
    long sum = a + b;
    if (((a ^ sum) & (b ^ sum)) < 0 || !fitsPrecision(sum, precision)) {
      throw RuntimeErrors.decimalOverflow(precision);
    }
    return sum;
  }

  /** As {@link #decimalAddChecked(long, long, int)}, naming DECIMAL(precision,scale) in the error. */
  public static long decimalAddChecked(long a, long b, int precision, int scale) {
    long sum = a + b;
    if (((a ^ sum) & (b ^ sum)) < 0 || !fitsPrecision(sum, precision)) {
      throw RuntimeErrors.decimalOverflow(precision, scale);
    }
    return sum;
  }

  /** Decimal {@code a - b} (same scale), checking {@code |result| < 10^precision}. */
  public static long decimalSubtractChecked(long a, long b, int precision, int scale) {
    long difference = a - b;
    if (((a ^ b) & (a ^ difference)) < 0 || !fitsPrecision(difference, precision)) {
      throw RuntimeErrors.decimalOverflow(precision, scale);
    }
    return difference;
  }

  /**
   * Decimal {@code a * b}: the unscaled product (its scale is the sum of the operand scales),
   * checking {@code |result| < 10^precision}.
   */
  public static long decimalMultiplyChecked(long a, long b, int precision) {
    long high = Math.multiplyHigh(a, b);
    long product = a * b;
    if (high != (product >> 63) || !fitsPrecision(product, precision)) {
      throw RuntimeErrors.decimalOverflow(precision);
    }
    return product;
  }

  /** As {@link #decimalMultiplyChecked(long, long, int)}, naming DECIMAL(precision,scale). */
  public static long decimalMultiplyChecked(long a, long b, int precision, int scale) {
    long high = Math.multiplyHigh(a, b);
    long product = a * b;
    if (high != (product >> 63) || !fitsPrecision(product, precision)) {
      throw RuntimeErrors.decimalOverflow(precision, scale);
    }
    return product;
  }

  /**
   * Decimal division {@code (a / 10^aScale) / (b / 10^bScale)} as an unscaled value at
   * {@code outScale}, rounded half away from zero, checking {@code |result| < 10^precision}.
   * EXECUTION "division by zero" when {@code b == 0}. Operands whose scaled dividend leaves a
   * long take a 128-bit path (allocates; rare).
   */
  public static long decimalDivideChecked(long a, int aScale, long b, int bScale, int outScale,
      int precision) {
    if (b == 0) {
      throw RuntimeErrors.divisionByZero();
    }
    int shift = outScale - aScale + bScale;
    if (shift >= 0 && shift <= 18 && b != Long.MIN_VALUE) {
      long factor = Int128Math.POWERS_OF_TEN[shift];
      long high = Math.multiplyHigh(a, factor);
      long dividend = a * factor;
      if (high == (dividend >> 63) && dividend != Long.MIN_VALUE) {
        long quotient = dividend / b;
        long remainder = Math.abs(dividend % b);
        if (remainder >= Math.abs(b) - remainder) {
          quotient += (dividend < 0) == (b < 0) ? 1 : -1;
        }
        if (!fitsPrecision(quotient, precision)) {
          throw RuntimeErrors.decimalOverflow(precision, outScale);
        }
        return quotient;
      }
    }
    Int128 result = new Int128();
    Int128Math.divide(Int128.of(a), aScale, Int128.of(b), bScale, outScale, result);
    if (!Int128Math.fitsInLong(result) || !fitsPrecision(result.low, precision)) {
      throw RuntimeErrors.decimalOverflow(precision, outScale);
    }
    return result.low;
  }

  /** Checks {@code |unscaled| < 10^precision} and returns the value; EXECUTION otherwise. */
  public static long checkDecimalPrecision(long unscaled, int precision, int scale) {
    if (!fitsPrecision(unscaled, precision)) {
      throw RuntimeErrors.decimalOverflow(precision, scale);
    }
    return unscaled;
  }

  /** Whether {@code |value| < 10^precision}. */
  static boolean fitsPrecision(long value, int precision) {
    if (precision >= 19) {
      return true;
    }
    long limit = Int128Math.POWERS_OF_TEN[precision];
    return value < limit && value > -limit;
  }
}
