package io.quiver.engine.source.text;

import java.nio.charset.StandardCharsets;

/**
 * Parses values straight from bytes (no String per value): integers, doubles, scaled decimals,
 * booleans, dates, times and timestamps. Each method returns the value and sets {@link #ok};
 * when {@code ok} is false the value is meaningless. One instance per scan (not thread-safe).
 */
public final class TextValueParser {
  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  private static final long[] LONG_POWERS = new long[19];

  static {
    long power = 1;
    for (int i = 0; i < LONG_POWERS.length; i++) {
      LONG_POWERS[i] = power;
      power *= 10;
    }
  }

  /** Whether the last parse succeeded. */
  public boolean ok;

  /** A signed decimal integer fitting in a long ({@code -12}, {@code +7}). */
  public long parseLong(byte[] bytes, int start, int end) {
    ok = false;
    if (start >= end) {
      return 0;
    }
    int position = start;
    boolean negative = false;
    if (bytes[position] == '-' || bytes[position] == '+') {
      negative = bytes[position] == '-';
      position++;
      if (position == end) {
        return 0;
      }
    }
    long value = 0;
    for (; position < end; position++) {
      int digit = bytes[position] - '0';
      if (digit < 0 || digit > 9) {
        return 0;
      }
      // Accumulate negatively so Long.MIN_VALUE parses.
      if (value < (Long.MIN_VALUE + digit) / 10) {
        return 0;
      }
      value = value * 10 - digit;
    }
    if (!negative) {
      if (value == Long.MIN_VALUE) {
        return 0;
      }
      value = -value;
    }
    ok = true;
    return value;
  }

  /**
   * A decimal floating-point number: optional sign, digits with an optional point, an optional
   * exponent; also {@code inf}, {@code infinity} and {@code nan} in any case.
   */
  public double parseDouble(byte[] bytes, int start, int end) {
    ok = false;
    if (start >= end) {
      return 0;
    }
    int position = start;
    boolean negative = false;
    if (bytes[position] == '-' || bytes[position] == '+') {
      negative = bytes[position] == '-';
      position++;
    }
    if (position < end && isLetter(bytes[position])) {
      return parseSpecial(bytes, position, end, negative);
    }
    long mantissa = 0;
    int significantDigits = 0;
    int digits = 0;
    int exponent = 0;
    boolean exact = true;
    for (; position < end; position++) {
      int digit = bytes[position] - '0';
      if (digit < 0 || digit > 9) {
        break;
      }
      digits++;
      if (mantissa == 0 && digit == 0) {
        continue;
      }
      if (significantDigits < 18) {
        mantissa = mantissa * 10 + digit;
        significantDigits++;
      } else {
        exponent++;
        exact = false;
      }
    }
    if (position < end && bytes[position] == '.') {
      position++;
      for (; position < end; position++) {
        int digit = bytes[position] - '0';
        if (digit < 0 || digit > 9) {
          break;
        }
        digits++;
        if (mantissa == 0 && digit == 0) {
          exponent--;
          continue;
        }
        if (significantDigits < 18) {
          mantissa = mantissa * 10 + digit;
          significantDigits++;
          exponent--;
        } else {
          exact = false;
        }
      }
    }
    if (digits == 0) {
      return 0;
    }
    if (position < end && (bytes[position] == 'e' || bytes[position] == 'E')) {
      position++;
      boolean negativeExponent = false;
      if (position < end && (bytes[position] == '-' || bytes[position] == '+')) {
        negativeExponent = bytes[position] == '-';
        position++;
      }
      int exponentDigits = 0;
      int written = 0;
      for (; position < end; position++) {
        int digit = bytes[position] - '0';
        if (digit < 0 || digit > 9) {
          break;
        }
        exponentDigits++;
        if (written < 100000) {
          written = written * 10 + digit;
        }
      }
      if (exponentDigits == 0) {
        return 0;
      }
      exponent += negativeExponent ? -written : written;
    }
    if (position != end) {
      return 0;
    }
    ok = true;
    double value;
    if (mantissa == 0) {
      value = 0.0;
    } else if (exact && significantDigits <= 15 && exponent >= -22 && exponent <= 22) {
      // Both operands are exact doubles, so one multiplication or division rounds correctly.
      value = exponent >= 0 ? mantissa * POWERS_OF_TEN[exponent]
          : mantissa / POWERS_OF_TEN[-exponent];
    } else {
      value = Double.parseDouble(new String(bytes, start, end - start, StandardCharsets.ISO_8859_1));
      return value;
    }
    return negative ? -value : value;
  }

  private static boolean isLetter(byte value) {
    return (value >= 'a' && value <= 'z') || (value >= 'A' && value <= 'Z');
  }

  private double parseSpecial(byte[] bytes, int start, int end, boolean negative) {
    int length = end - start;
    if (equalsIgnoreCase(bytes, start, length, "inf") || equalsIgnoreCase(bytes, start, length,
        "infinity")) {
      ok = true;
      return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (equalsIgnoreCase(bytes, start, length, "nan")) {
      ok = true;
      return Double.NaN;
    }
    return 0;
  }

  /** Whether the bytes spell {@code word} (ASCII, any case). */
  public static boolean equalsIgnoreCase(byte[] bytes, int start, int length, String word) {
    if (length != word.length()) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      int a = bytes[start + i] | 0x20;
      if (a != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** {@code true} or {@code false} in any case: 1 or 0. */
  public int parseBoolean(byte[] bytes, int start, int end) {
    int length = end - start;
    ok = true;
    if (equalsIgnoreCase(bytes, start, length, "true")) {
      return 1;
    }
    if (equalsIgnoreCase(bytes, start, length, "false")) {
      return 0;
    }
    ok = false;
    return 0;
  }

  /**
   * The number of digits after the point when the bytes are a plain decimal with a point and at
   * most 18 digits in all ({@code -12.50} is 2); -1 otherwise (no point, an exponent, too long).
   */
  public static int plainDecimalScale(byte[] bytes, int start, int end) {
    int position = start;
    if (position < end && (bytes[position] == '-' || bytes[position] == '+')) {
      position++;
    }
    int digits = 0;
    int scale = -1;
    for (; position < end; position++) {
      byte value = bytes[position];
      if (value >= '0' && value <= '9') {
        digits++;
        if (scale >= 0) {
          scale++;
        }
      } else if (value == '.' && scale < 0) {
        scale = 0;
      } else {
        return -1;
      }
    }
    if (digits == 0 || digits > 18 || scale <= 0) {
      return -1;
    }
    return scale;
  }

  /**
   * A decimal number (optional sign, digits, optional point and fraction, no exponent) as an
   * unscaled long at {@code scale} with at most {@code precision} digits (precision at most
   * 18). Extra fraction digits round half away from zero.
   */
  public long parseDecimal(byte[] bytes, int start, int end, int precision, int scale) {
    ok = false;
    int position = start;
    boolean negative = false;
    if (position < end && (bytes[position] == '-' || bytes[position] == '+')) {
      negative = bytes[position] == '-';
      position++;
    }
    long value = 0;
    int integerDigits = 0;
    int fractionDigits = 0;
    boolean roundUp = false;
    boolean sawDigit = false;
    for (; position < end; position++) {
      int digit = bytes[position] - '0';
      if (digit < 0 || digit > 9) {
        break;
      }
      sawDigit = true;
      if (value == 0 && digit == 0) {
        continue;
      }
      integerDigits++;
      if (integerDigits > 18) {
        return 0;
      }
      value = value * 10 + digit;
    }
    if (position < end && bytes[position] == '.') {
      position++;
      for (; position < end; position++) {
        int digit = bytes[position] - '0';
        if (digit < 0 || digit > 9) {
          return 0;
        }
        sawDigit = true;
        if (fractionDigits < scale) {
          value = value * 10 + digit;
          fractionDigits++;
        } else if (fractionDigits == scale) {
          roundUp = digit >= 5;
          fractionDigits++;
        }
      }
    }
    if (position != end || !sawDigit || integerDigits > precision - scale) {
      return 0;
    }
    for (int i = Math.min(fractionDigits, scale); i < scale; i++) {
      value *= 10;
    }
    if (roundUp) {
      value++;
    }
    if (value >= LONG_POWERS[precision]) {
      return 0;
    }
    ok = true;
    return negative ? -value : value;
  }

  /** {@code yyyy-mm-dd} (month and day one or two digits) as days since 1970-01-01. */
  public int parseDate(byte[] bytes, int start, int end) {
    ok = false;
    int position = parseDateInto(bytes, start, end);
    if (position != end) {
      ok = false;
      return 0;
    }
    return (int) lastDay;
  }

  private long lastDay;

  /** Parses a date at {@code start}; returns where it ended, -1 when there is none. */
  private int parseDateInto(byte[] bytes, int start, int end) {
    ok = false;
    int position = start;
    int year = 0;
    int yearDigits = 0;
    while (position < end && yearDigits < 5 && isDigit(bytes[position])) {
      year = year * 10 + bytes[position++] - '0';
      yearDigits++;
    }
    if (yearDigits != 4 || position >= end || bytes[position] != '-') {
      return -1;
    }
    position++;
    int month = 0;
    int monthDigits = 0;
    while (position < end && monthDigits < 3 && isDigit(bytes[position])) {
      month = month * 10 + bytes[position++] - '0';
      monthDigits++;
    }
    if (monthDigits == 0 || monthDigits > 2 || position >= end || bytes[position] != '-') {
      return -1;
    }
    position++;
    int day = 0;
    int dayDigits = 0;
    while (position < end && dayDigits < 3 && isDigit(bytes[position])) {
      day = day * 10 + bytes[position++] - '0';
      dayDigits++;
    }
    if (dayDigits == 0 || dayDigits > 2 || month < 1 || month > 12 || day < 1
        || day > daysInMonth(year, month)) {
      return -1;
    }
    lastDay = epochDay(year, month, day);
    ok = true;
    return position;
  }

  /**
   * {@code yyyy-mm-dd}, optionally followed by {@code T} or a space and {@code hh:mm[:ss[.f]]}
   * (up to nine fraction digits, cut to microseconds), as microseconds since 1970-01-01 00:00.
   * No time zone is accepted.
   */
  public long parseTimestamp(byte[] bytes, int start, int end) {
    int position = parseDateInto(bytes, start, end);
    if (position < 0) {
      ok = false;
      return 0;
    }
    long micros = lastDay * 86_400_000_000L;
    if (position == end) {
      ok = true;
      return micros;
    }
    if (bytes[position] != ' ' && bytes[position] != 'T') {
      ok = false;
      return 0;
    }
    long time = parseTime(bytes, position + 1, end);
    return ok ? micros + time : 0;
  }

  /** {@code hh:mm[:ss[.f]]} as microseconds since midnight. */
  public long parseTime(byte[] bytes, int start, int end) {
    ok = false;
    int position = start;
    if (end - position < 5 || !isDigit(bytes[position]) || !isDigit(bytes[position + 1])
        || bytes[position + 2] != ':' || !isDigit(bytes[position + 3])
        || !isDigit(bytes[position + 4])) {
      return 0;
    }
    int hour = (bytes[position] - '0') * 10 + bytes[position + 1] - '0';
    int minute = (bytes[position + 3] - '0') * 10 + bytes[position + 4] - '0';
    position += 5;
    int second = 0;
    long fraction = 0;
    if (position < end) {
      if (end - position < 3 || bytes[position] != ':' || !isDigit(bytes[position + 1])
          || !isDigit(bytes[position + 2])) {
        return 0;
      }
      second = (bytes[position + 1] - '0') * 10 + bytes[position + 2] - '0';
      position += 3;
      if (position < end) {
        if (bytes[position] != '.') {
          return 0;
        }
        position++;
        int digits = 0;
        while (position < end && isDigit(bytes[position])) {
          if (digits < 6) {
            fraction = fraction * 10 + bytes[position] - '0';
          }
          digits++;
          position++;
        }
        if (digits == 0 || digits > 9 || position != end) {
          return 0;
        }
        for (int i = digits; i < 6; i++) {
          fraction *= 10;
        }
      }
    }
    if (hour > 23 || minute > 59 || second > 59) {
      return 0;
    }
    ok = true;
    return ((hour * 60L + minute) * 60L + second) * 1_000_000L + fraction;
  }

  private static boolean isDigit(byte value) {
    return value >= '0' && value <= '9';
  }

  private static int daysInMonth(int year, int month) {
    switch (month) {
      case 2:
        boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return leap ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date. */
  static long epochDay(int year, int month, int day) {
    // Count years from March so that the leap day is the last day of a counted year.
    long shiftedYear = month <= 2 ? year - 1L : year;
    long cycle = Math.floorDiv(shiftedYear, 400);
    long yearOfCycle = shiftedYear - cycle * 400;
    int monthFromMarch = (month + 9) % 12;
    long dayOfYear = (153L * monthFromMarch + 2) / 5 + day - 1;
    long dayOfCycle = yearOfCycle * 365 + yearOfCycle / 4 - yearOfCycle / 100 + dayOfYear;
    // 719468 days lie between 0000-03-01 and 1970-01-01.
    return cycle * 146_097 + dayOfCycle - 719_468;
  }
}
