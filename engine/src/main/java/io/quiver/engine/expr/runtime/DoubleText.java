package io.quiver.engine.expr.runtime;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The text of a DOUBLE or REAL as DuckDB prints it: the shortest decimal digits that read back
 * as the same value, in plain notation when the decimal exponent is in [-4, 16) (always with a
 * fraction: {@code 2.0}), otherwise in scientific notation with a signed exponent of at least two
 * digits ({@code 1e+16}, {@code 1.5e-07}); {@code nan}, {@code inf}, {@code -inf}.
 *
 * <p>The digits come from {@link Double#toString} when that is provably the shortest (JDK 17's
 * algorithm is not always shortest, for example for subnormals), otherwise from correctly
 * rounded {@link BigDecimal} conversion at growing precision. Allocates.
 */
final class DoubleText {
  private DoubleText() {}

  /** The DuckDB text of a double. */
  static String format(double value) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    if (value == 0) {
      return (Double.doubleToRawLongBits(value) < 0) ? "-0.0" : "0.0";
    }
    String javaText = Double.toString(Math.abs(value));
    StringBuilder digits = new StringBuilder(20);
    int exponent = javaDigits(javaText, digits);
    // a normal double has 15.95 significant digits: a round-tripping text of at most 15 digits is
    // the only one of that length, so it is the shortest
    if (digits.length() > 15 || Math.abs(value) < Double.MIN_NORMAL) {
      exponent = shortestDigits(Math.abs(value), digits, false);
    }
    return layout(value < 0, digits, exponent);
  }

  /** The DuckDB text of a float (REAL). */
  static String formatFloat(float value) {
    if (Float.isNaN(value)) {
      return "nan";
    }
    if (Float.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    if (value == 0) {
      return (Float.floatToRawIntBits(value) < 0) ? "-0.0" : "0.0";
    }
    String javaText = Float.toString(Math.abs(value));
    StringBuilder digits = new StringBuilder(12);
    int exponent = javaDigits(javaText, digits);
    if (digits.length() > 6 || Math.abs(value) < Float.MIN_NORMAL) {
      exponent = shortestDigits(Math.abs(value), digits, true);
    }
    return layout(value < 0, digits, exponent);
  }

  /**
   * Reads Java's text of a positive number ({@code 123.45} or {@code 1.2345E-7}) into its
   * significant digits without leading or trailing zeros; returns the decimal exponent of the
   * first digit.
   */
  private static int javaDigits(String text, StringBuilder digits) {
    int exponentMark = text.indexOf('E');
    String mantissa = exponentMark < 0 ? text : text.substring(0, exponentMark);
    int exponent = exponentMark < 0 ? 0 : Integer.parseInt(text.substring(exponentMark + 1));
    int point = mantissa.indexOf('.');
    int integerDigits = point < 0 ? mantissa.length() : point;
    String all = point < 0 ? mantissa : mantissa.substring(0, point) + mantissa.substring(point + 1);
    int leading = 0;
    while (leading < all.length() - 1 && all.charAt(leading) == '0') {
      leading++;
    }
    int end = all.length();
    while (end > leading + 1 && all.charAt(end - 1) == '0') {
      end--;
    }
    digits.setLength(0);
    digits.append(all, leading, end);
    return exponent + integerDigits - 1 - leading;
  }

  /**
   * Finds the shortest correctly rounded digits that read back as {@code value}; returns the
   * decimal exponent of the first digit.
   */
  private static int shortestDigits(double value, StringBuilder digits, boolean isFloat) {
    BigDecimal exact = new BigDecimal(value);
    int maximum = isFloat ? 9 : 17;
    // for a normal value a round-tripping text of at most 15 (float: 6) digits is unique, so the
    // correctly rounded text at that precision, without trailing zeros, is the shortest if one
    // exists; subnormals have fewer significant bits and start from one digit
    boolean normal = isFloat ? value >= Float.MIN_NORMAL : value >= Double.MIN_NORMAL;
    int first = normal ? (isFloat ? 6 : 15) : 1;
    for (int precision = first; precision <= maximum; precision++) {
      BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      boolean same = isFloat
          ? rounded.floatValue() == (float) value
          : rounded.doubleValue() == value;
      if (same || precision == maximum) {
        BigDecimal stripped = rounded.stripTrailingZeros();
        digits.setLength(0);
        digits.append(stripped.unscaledValue().toString());
        return digits.length() - 1 - stripped.scale();
      }
    }
    throw new IllegalStateException("unreachable");
  }

  /** Lays the digits out in plain or scientific notation as DuckDB does. */
  private static String layout(boolean negative, StringBuilder digits, int exponent) {
    StringBuilder text = new StringBuilder(32);
    if (negative) {
      text.append('-');
    }
    int count = digits.length();
    if (exponent >= -4 && exponent < 16) {
      if (exponent < 0) {
        text.append("0.");
        for (int i = -1; i > exponent; i--) {
          text.append('0');
        }
        text.append(digits);
      } else if (count <= exponent + 1) {
        text.append(digits);
        for (int i = count; i <= exponent; i++) {
          text.append('0');
        }
        text.append(".0");
      } else {
        text.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, count);
      }
    } else {
      text.append(digits.charAt(0));
      if (count > 1) {
        text.append('.').append(digits, 1, count);
      }
      text.append('e').append(exponent < 0 ? '-' : '+');
      int magnitude = Math.abs(exponent);
      if (magnitude < 10) {
        text.append('0');
      }
      text.append(magnitude);
    }
    return text.toString();
  }
}
