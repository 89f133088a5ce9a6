package io.quiver.engine.expr.runtime;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Casts for compiled expressions: text (UTF-8 off-heap) to values, values to text, and numeric
 * conversions.
 *
 * <p>Parsing allows leading and trailing white space; text that does not parse, or whose value
 * does not fit the target, is a DATA error "cannot cast 'text' to TYPE". Numeric conversions that
 * do not fit their target are EXECUTION errors ("integer out of range", "decimal overflow: value
 * does not fit DECIMAL(p,s)"). Formatting writes at {@code out.address()} (growing {@code out}
 * first) and returns the byte length. Parsing and formatting allocate nothing on the common
 * paths; the exceptions are named on each method.
 *
 * <p>Semantics follow DuckDB where DuckDB and PostgreSQL differ; each difference is noted on its
 * method.
 */
public final class Casts {
  private Casts() {}

  // ================================================================ text scanning

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == 0x0B;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private static int trimStart(long address, int length) {
    int start = 0;
    while (start < length && isSpace(MemoryUtil.getByte(address + start))) {
      start++;
    }
    return start;
  }

  private static int trimEnd(long address, int start, int length) {
    int end = length;
    while (end > start && isSpace(MemoryUtil.getByte(address + end - 1))) {
      end--;
    }
    return end;
  }

  private static byte lowerAscii(byte b) {
    return b >= 'A' && b <= 'Z' ? (byte) (b | 0x20) : b;
  }

  /** Whether [start, end) equals the lower-case ASCII {@code word}, ignoring case. */
  private static boolean equalsIgnoreCase(long address, int start, int end, String word) {
    if (end - start != word.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (lowerAscii(MemoryUtil.getByte(address + start + i)) != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static RuntimeException badCast(long address, int length, String targetType) {
    return RuntimeErrors.badCast(Utf8Strings.toJavaString(address, length), targetType);
  }

  private static String decimalType(int precision, int scale) {
    return "DECIMAL(" + precision + "," + scale + ")";
  }

  /** Bias added to the point weight packed by {@link #scanNumber}. */
  private static final int WEIGHT_BIAS = 1 << 30;
  /** Exponents are clamped to this magnitude: any number beyond is zero or overflows anyway. */
  private static final int EXPONENT_LIMIT = 1_000_000;

  /**
   * Checks the grammar of an unsigned decimal number in [start, end): digits with single
   * underscores between digits, an optional '.', optional fraction digits (at least one digit in
   * all), an optional exponent {@code e[+-]digits}.
   *
   * @return {@code (mantissaEnd << 32) | (pointWeight + WEIGHT_BIAS)} where the point weight is
   *     the number of integer digits plus the exponent, or -1 when the text is not a number
   */
  private static long scanNumber(long address, int start, int end) {
    int i = start;
    int integerDigits = 0;
    int digits = 0;
    boolean seenPoint = false;
    byte previous = 0;
    for (; i < end; i++) {
      byte b = MemoryUtil.getByte(address + i);
      if (isDigit(b)) {
        digits++;
        if (!seenPoint) {
          integerDigits++;
        }
      } else if (b == '_') {
        if (!isDigit(previous) || i + 1 >= end || !isDigit(MemoryUtil.getByte(address + i + 1))) {
          return -1;
        }
      } else if (b == '.' && !seenPoint) {
        seenPoint = true;
      } else {
        break;
      }
      previous = b;
    }
    if (digits == 0) {
      return -1;
    }
    int mantissaEnd = i;
    long exponent = 0;
    if (i < end) {
      byte b = MemoryUtil.getByte(address + i);
      if (b != 'e' && b != 'E') {
        return -1;
      }
      i++;
      boolean negative = false;
      if (i < end && (MemoryUtil.getByte(address + i) == '-'
          || MemoryUtil.getByte(address + i) == '+')) {
        negative = MemoryUtil.getByte(address + i) == '-';
        i++;
      }
      if (i >= end) {
        return -1;
      }
      for (; i < end; i++) {
        byte digit = MemoryUtil.getByte(address + i);
        if (!isDigit(digit)) {
          return -1;
        }
        if (exponent < EXPONENT_LIMIT) {
          exponent = exponent * 10 + (digit - '0');
        }
      }
      exponent = Math.min(exponent, EXPONENT_LIMIT);
      if (negative) {
        exponent = -exponent;
      }
    }
    long weight = integerDigits + exponent;
    return ((long) mantissaEnd << 32) | (weight + WEIGHT_BIAS);
  }

  /**
   * The value of the number in [start, end) (sign already consumed) as a long at {@code scale}
   * decimals, rounded half away from zero, negated when {@code negative}.
   *
   * @return the value, or {@code Long.MIN_VALUE} paired with {@code overflow[0]}... see caller
   * @throws RuntimeException the DATA error from {@code badCast} when it does not parse or does
   *     not fit a long
   */
  private static long parseScaled(long address, int length, int start, int end, boolean negative,
      int scale, String targetType) {
    long scanned = scanNumber(address, start, end);
    if (scanned < 0) {
      throw badCast(address, length, targetType);
    }
    int mantissaEnd = (int) (scanned >>> 32);
    int weight = (int) (scanned & 0xFFFFFFFFL) - WEIGHT_BIAS - 1; // weight of the first digit
    int lowest = -scale;
    long accumulator = 0; // negative magnitude, so that Long.MIN_VALUE fits
    boolean roundUp = false;
    for (int i = start; i < mantissaEnd; i++) {
      byte b = MemoryUtil.getByte(address + i);
      if (!isDigit(b)) {
        continue;
      }
      int digit = b - '0';
      if (weight >= lowest) {
        if (accumulator < (Long.MIN_VALUE + digit) / 10) {
          throw badCast(address, length, targetType);
        }
        accumulator = accumulator * 10 - digit;
      } else if (weight == lowest - 1) {
        roundUp = digit >= 5;
      }
      weight--;
    }
    int missing = weight + 1 - lowest; // decimal places below the last digit still to fill
    if (missing > 0 && accumulator != 0) {
      if (missing > 18) {
        throw badCast(address, length, targetType);
      }
      long factor = Int128Math.POWERS_OF_TEN[missing];
      if (accumulator < Long.MIN_VALUE / factor) {
        throw badCast(address, length, targetType);
      }
      accumulator *= factor;
    }
    if (roundUp) {
      if (accumulator == Long.MIN_VALUE) {
        throw badCast(address, length, targetType);
      }
      accumulator--;
    }
    if (negative) {
      return accumulator;
    }
    if (accumulator == Long.MIN_VALUE) {
      throw badCast(address, length, targetType);
    }
    return -accumulator;
  }

  // ================================================================ parsing

  /**
   * Parses an integer in {@code [min, max]}.
   *
   * <p>Accepts DuckDB's forms: an optional sign, decimal digits with single underscores between
   * digits ({@code 1_000}), a fraction and an exponent rounded half away from zero to an integer
   * ({@code '2.5'} is 3, {@code '1.5e1'} is 15; PostgreSQL rejects these), and unsigned
   * hexadecimal {@code 0x1F} or binary {@code 0b101}. Anything else, or a value outside
   * {@code [min, max]}, is a DATA error "cannot cast 'text' to targetType".
   *
   * @param targetType the SQL type named in the error, for example "INTEGER"
   */
  public static long parseInteger(long address, int length, long min, long max,
      String targetType) {
    int start = trimStart(address, length);
    int end = trimEnd(address, start, length);
    int i = start;
    boolean negative = false;
    if (i < end) {
      byte sign = MemoryUtil.getByte(address + i);
      if (sign == '-' || sign == '+') {
        negative = sign == '-';
        i++;
      }
    }
    // fast path: up to 18 plain digits
    if (i < end && end - i <= 18) {
      long value = 0;
      int j = i;
      for (; j < end; j++) {
        int digit = MemoryUtil.getByte(address + j) - '0';
        if (digit < 0 || digit > 9) {
          break;
        }
        value = value * 10 + digit;
      }
      if (j == end) {
        value = negative ? -value : value;
        if (value < min || value > max) {
          throw badCast(address, length, targetType);
        }
        return value;
      }
    }
    long value;
    if (!negative && i == start && end - i > 2 && MemoryUtil.getByte(address + i) == '0'
        && (lowerAscii(MemoryUtil.getByte(address + i + 1)) == 'x'
            || lowerAscii(MemoryUtil.getByte(address + i + 1)) == 'b')) {
      value = parseRadix(address, length, i + 2, end,
          lowerAscii(MemoryUtil.getByte(address + i + 1)) == 'x' ? 4 : 1, targetType);
    } else {
      value = parseScaled(address, length, i, end, negative, 0, targetType);
    }
    if (value < min || value > max) {
      throw badCast(address, length, targetType);
    }
    return value;
  }

  /** Parses unsigned hexadecimal (bitsPerDigit 4) or binary (1) digits into a positive long. */
  private static long parseRadix(long address, int length, int start, int end, int bitsPerDigit,
      String targetType) {
    if (start >= end) {
      throw badCast(address, length, targetType);
    }
    long value = 0;
    for (int i = start; i < end; i++) {
      byte b = lowerAscii(MemoryUtil.getByte(address + i));
      int digit;
      if (isDigit(b)) {
        digit = b - '0';
      } else if (b >= 'a' && b <= 'f') {
        digit = b - 'a' + 10;
      } else {
        throw badCast(address, length, targetType);
      }
      if (digit >= (1 << bitsPerDigit) || (value >>> (63 - bitsPerDigit)) != 0) {
        throw badCast(address, length, targetType);
      }
      value = (value << bitsPerDigit) | digit;
    }
    return value;
  }

  private static final double[] TEN_POWERS = new double[23];

  static {
    double power = 1;
    for (int i = 0; i < TEN_POWERS.length; i++) {
      TEN_POWERS[i] = power;
      power *= 10;
    }
  }

  /**
   * Parses a DOUBLE: decimal or exponent notation (underscores between digits allowed, as
   * DuckDB), and 'NaN', 'Inf', 'Infinity' with an optional sign, case-insensitive. Values beyond
   * the double range become infinity or zero (DuckDB; PostgreSQL raises an error). Numbers of up
   * to 18 significant digits and small exponents are converted exactly without allocation;
   * others go through {@link Double#parseDouble} (allocates).
   */
  public static double parseDouble(long address, int length) {
    int start = trimStart(address, length);
    int end = trimEnd(address, start, length);
    int i = start;
    boolean negative = false;
    if (i < end) {
      byte sign = MemoryUtil.getByte(address + i);
      if (sign == '-' || sign == '+') {
        negative = sign == '-';
        i++;
      }
    }
    if (i < end && !isDigit(MemoryUtil.getByte(address + i))
        && MemoryUtil.getByte(address + i) != '.') {
      if (equalsIgnoreCase(address, i, end, "nan")) {
        return Double.NaN;
      }
      if (equalsIgnoreCase(address, i, end, "inf") || equalsIgnoreCase(address, i, end, "infinity")) {
        return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      }
      throw badCast(address, length, "DOUBLE");
    }
    long scanned = scanNumber(address, i, end);
    if (scanned < 0) {
      throw badCast(address, length, "DOUBLE");
    }
    int mantissaEnd = (int) (scanned >>> 32);
    int weight = (int) (scanned & 0xFFFFFFFFL) - WEIGHT_BIAS - 1;
    long mantissa = 0;
    int significant = 0;
    boolean exact = true;
    for (int j = i; j < mantissaEnd; j++) {
      byte b = MemoryUtil.getByte(address + j);
      if (!isDigit(b)) {
        continue;
      }
      if (significant < 18) {
        mantissa = mantissa * 10 + (b - '0');
        if (mantissa != 0) {
          significant++;
        }
        weight--;
      } else if (b != '0') {
        exact = false;
        break;
      }
      // a zero beyond 18 significant digits leaves the weight of the last kept digit
    }
    // value = mantissa * 10^(weight + 1) when no non-zero digit was dropped
    if (exact) {
      int exponent = weight + 1;
      if (mantissa == 0) {
        return negative ? -0.0 : 0.0;
      }
      if (mantissa <= (1L << 53)) {
        double value = mantissa;
        if (exponent >= 0 && exponent <= 22) {
          value *= TEN_POWERS[exponent];
          return negative ? -value : value;
        }
        if (exponent < 0 && exponent >= -22) {
          value /= TEN_POWERS[-exponent];
          return negative ? -value : value;
        }
      }
    }
    StringBuilder text = new StringBuilder(end - start);
    for (int j = start; j < end; j++) {
      byte b = MemoryUtil.getByte(address + j);
      if (b != '_') {
        text.append((char) b);
      }
    }
    return Double.parseDouble(text.toString());
  }

  /**
   * Parses a DECIMAL(precision, scale), precision <= 18, into its unscaled long: digits with
   * optional fraction and exponent, rounded half away from zero to {@code scale} decimals. A
   * value with too many integer digits (after rounding) is a DATA error naming DECIMAL(p,s).
   */
  public static long parseDecimal(long address, int length, int precision, int scale) {
    int start = trimStart(address, length);
    int end = trimEnd(address, start, length);
    int i = start;
    boolean negative = false;
    if (i < end) {
      byte sign = MemoryUtil.getByte(address + i);
      if (sign == '-' || sign == '+') {
        negative = sign == '-';
        i++;
      }
    }
    long value;
    try {
      value = parseScaled(address, length, i, end, negative, scale, null);
    } catch (io.quiver.udf.error.QuiverException error) {
      throw badCast(address, length, decimalType(precision, scale));
    }
    if (!Arithmetic.fitsPrecision(value, precision)) {
      throw badCast(address, length, decimalType(precision, scale));
    }
    return value;
  }

  /**
   * Parses a DECIMAL(precision, scale), precision 19 to 38, into {@code out}, with the rules of
   * {@link #parseDecimal}. Allocates nothing.
   */
  public static void parseWideDecimal(long address, int length, int precision, int scale,
      Int128 out) {
    int start = trimStart(address, length);
    int end = trimEnd(address, start, length);
    int i = start;
    boolean negative = false;
    if (i < end) {
      byte sign = MemoryUtil.getByte(address + i);
      if (sign == '-' || sign == '+') {
        negative = sign == '-';
        i++;
      }
    }
    long scanned = scanNumber(address, i, end);
    if (scanned < 0) {
      throw badCast(address, length, decimalType(precision, scale));
    }
    int mantissaEnd = (int) (scanned >>> 32);
    int weight = (int) (scanned & 0xFFFFFFFFL) - WEIGHT_BIAS - 1;
    int lowest = -scale;
    out.high = 0;
    out.low = 0;
    boolean roundUp = false;
    for (int j = i; j < mantissaEnd; j++) {
      byte b = MemoryUtil.getByte(address + j);
      if (!isDigit(b)) {
        continue;
      }
      int digit = b - '0';
      if (weight >= lowest) {
        if (!Int128Math.multiplyAddMagnitude(out, 10, digit)) {
          throw badCast(address, length, decimalType(precision, scale));
        }
      } else if (weight == lowest - 1) {
        roundUp = digit >= 5;
      }
      weight--;
    }
    int missing = weight + 1 - lowest;
    if (missing > 0 && (out.high | out.low) != 0) {
      for (; missing > 0; missing--) {
        if (!Int128Math.multiplyAddMagnitude(out, 10, 0)) {
          throw badCast(address, length, decimalType(precision, scale));
        }
      }
    }
    if (roundUp && !Int128Math.multiplyAddMagnitude(out, 1, 1)) {
      throw badCast(address, length, decimalType(precision, scale));
    }
    if (negative) {
      Int128Math.negate(out, out);
    }
    if (!Int128Math.fitsPrecision(out, precision)) {
      throw badCast(address, length, decimalType(precision, scale));
    }
  }

  /** Added to an epoch day to keep the packed result of parseDatePart non-negative. */
  private static final long DAY_OFFSET = 1L << 38;
  private static final long DAY_MASK = (1L << 40) - 1;

  /**
   * Parses a DATE into an epoch day: {@code yyyy-mm-dd} with one or two digit month and day,
   * '-', '/' or ' ' as the (same) separator, an optional '-' for years before year 0 or a
   * {@code (BC)} suffix (year 1 BC is year 0), and 'epoch'. A valid time part after the date
   * (as {@link #parseTimestamp} accepts it) is accepted and dropped. DuckDB ignores anything
   * after the date ({@code '2024-01-05 junk'}); Quiver rejects text that is not a time there, so
   * that a malformed value is not silently truncated. 'infinity' is not supported (DATA error).
   */
  public static long parseDate(long address, int length) {
    int start = trimStart(address, length);
    int end = trimEnd(address, start, length);
    if (equalsIgnoreCase(address, start, end, "epoch")) {
      return 0;
    }
    long packed = parseDatePart(address, start, end);
    if (packed < 0) {
      throw badCast(address, length, "DATE");
    }
    int i = start + (int) (packed >>> 40);
    if (i != end && parseTimestampTail(address, i, end) < 0) {
      throw badCast(address, length, "DATE");
    }
    return (packed & DAY_MASK) - DAY_OFFSET;
  }

  /**
   * Parses yyyy-m-d (and an optional " (BC)") at {@code start}: returns
   * {@code (consumed << 40) | (epochDay + DAY_OFFSET)}, or -1 when the text is not a date.
   */
  private static long parseDatePart(long address, int start, int end) {
    int i = start;
    boolean negative = false;
    if (i < end && MemoryUtil.getByte(address + i) == '-') {
      negative = true;
      i++;
    }
    int digitsStart = i;
    long year = 0;
    while (i < end && isDigit(MemoryUtil.getByte(address + i))) {
      if (i - digitsStart >= 7) {
        return -1;
      }
      year = year * 10 + (MemoryUtil.getByte(address + i) - '0');
      i++;
    }
    if (i == digitsStart || i >= end) {
      return -1;
    }
    byte separator = MemoryUtil.getByte(address + i);
    if (separator != '-' && separator != '/' && separator != ' ') {
      return -1;
    }
    i++;
    int month = 0;
    int monthStart = i;
    while (i < end && isDigit(MemoryUtil.getByte(address + i)) && i - monthStart < 2) {
      month = month * 10 + (MemoryUtil.getByte(address + i) - '0');
      i++;
    }
    if (i == monthStart || i >= end || MemoryUtil.getByte(address + i) != separator) {
      return -1;
    }
    i++;
    int day = 0;
    int dayStart = i;
    while (i < end && isDigit(MemoryUtil.getByte(address + i)) && i - dayStart < 2) {
      day = day * 10 + (MemoryUtil.getByte(address + i) - '0');
      i++;
    }
    if (i == dayStart || (i < end && isDigit(MemoryUtil.getByte(address + i)))) {
      return -1;
    }
    if (i + 5 <= end && MemoryUtil.getByte(address + i) == ' '
        && equalsIgnoreCase(address, i + 1, i + 5, "(bc)")) {
      if (negative || year == 0) {
        return -1;
      }
      year = 1 - year;
      i += 5;
    } else if (negative) {
      year = -year;
    }
    if (!DateTimes.isValidDate(year, month, day)) {
      return -1;
    }
    long epochDay = DateTimes.daysFromCivil(year, month, day);
    return ((long) (i - start) << 40) | (epochDay + DAY_OFFSET);
  }

  /**
   * Parses what may follow a date in a timestamp: {@code (' '|'T') hh:mm[:ss[.f...]]} then an
   * optional zone: 'Z', ' UTC', or an offset {@code ±hh[[:]mm[[:]ss]]}. The zone is checked and
   * ignored (TIMESTAMP has no time zone; DuckDB and PostgreSQL both ignore it). Returns the
   * microseconds (up to a whole day for 24:00:00) or -1.
   */
  private static long parseTimestampTail(long address, int start, int end) {
    int i = start;
    byte separator = MemoryUtil.getByte(address + i);
    if (separator != ' ' && separator != 'T' && separator != 't') {
      return -1;
    }
    i++;
    while (i < end && MemoryUtil.getByte(address + i) == ' ') {
      i++;
    }
    long packed = parseTimePart(address, i, end);
    if (packed < 0) {
      return -1;
    }
    i += (int) (packed >>> 40);
    if (i < end && !isZone(address, i, end)) {
      return -1;
    }
    return packed & DAY_MASK;
  }

  private static boolean isZone(long address, int start, int end) {
    int i = start;
    byte b = MemoryUtil.getByte(address + i);
    if (b == 'Z' || b == 'z') {
      return i + 1 == end;
    }
    while (i < end && MemoryUtil.getByte(address + i) == ' ') {
      i++;
    }
    if (equalsIgnoreCase(address, i, end, "utc") || equalsIgnoreCase(address, i, end, "gmt")) {
      return true;
    }
    if (i != start || (b != '+' && b != '-')) {
      return false;
    }
    i++;
    // hh, then optional [:]mm and [:]ss
    for (int field = 0; field < 3; field++) {
      if (field > 0 && i < end && MemoryUtil.getByte(address + i) == ':') {
        i++;
      }
      if (i + 2 > end || !isDigit(MemoryUtil.getByte(address + i))
          || !isDigit(MemoryUtil.getByte(address + i + 1))) {
        return field > 0 && i == end;
      }
      i += 2;
      if (i == end) {
        return true;
      }
    }
    return i == end;
  }

  /**
   * Parses h[h]:m[m][:s[s][.f...]] at {@code start}; fraction digits beyond microseconds are
   * truncated (as DuckDB). 24:00:00 with no fraction is allowed. Returns
   * {@code (consumed << 40) | micros} or -1.
   */
  private static long parseTimePart(long address, int start, int end) {
    int i = start;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int count = 0;
    while (count < 3) {
      int fieldStart = i;
      int value = 0;
      while (i < end && isDigit(MemoryUtil.getByte(address + i)) && i - fieldStart < 2) {
        value = value * 10 + (MemoryUtil.getByte(address + i) - '0');
        i++;
      }
      if (i == fieldStart || (i < end && isDigit(MemoryUtil.getByte(address + i)))) {
        return -1;
      }
      if (count == 0) {
        hour = value;
      } else if (count == 1) {
        minute = value;
      } else {
        second = value;
      }
      count++;
      if (count < 3 && i + 1 < end && MemoryUtil.getByte(address + i) == ':'
          && isDigit(MemoryUtil.getByte(address + i + 1))) {
        i++;
      } else {
        break;
      }
    }
    if (count < 2 || hour > 24 || minute > 59 || second > 59) {
      return -1;
    }
    long micros = hour * 3_600_000_000L + minute * 60_000_000L + second * 1_000_000L;
    if (count == 3 && i < end && MemoryUtil.getByte(address + i) == '.') {
      i++;
      long fraction = 0;
      int digits = 0;
      while (i < end && isDigit(MemoryUtil.getByte(address + i))) {
        if (digits < 6) {
          fraction = fraction * 10 + (MemoryUtil.getByte(address + i) - '0');
          digits++;
        }
        i++;
      }
      for (; digits < 6; digits++) {
        fraction *= 10;
      }
      micros += fraction;
    }
    if (micros > DateTimes.MICROS_PER_DAY) {
      return -1;
    }
    return ((long) (i - start) << 40) | micros;
  }

  /**
   * Parses a TIMESTAMP into epoch microseconds: a date as {@link #parseDate}, then optionally
   * {@code ' '} or {@code 'T'} and {@code hh:mm[:ss[.fffffffff]]} (fraction digits beyond
   * microseconds are truncated, 24:00:00 is midnight of the next day), then optionally a zone
   * ('Z', 'UTC', {@code ±hh[:mm]}) that is ignored, as DuckDB and PostgreSQL do for TIMESTAMP
   * without time zone. 'epoch' is 1970-01-01 00:00:00. Surrounding white space is allowed as in
   * PostgreSQL (DuckDB rejects it for TIMESTAMP but not for DATE).
   */
  public static long parseTimestamp(long address, int length) {
    int start = trimStart(address, length);
    int end = trimEnd(address, start, length);
    if (equalsIgnoreCase(address, start, end, "epoch")) {
      return 0;
    }
    long packed = parseDatePart(address, start, end);
    if (packed < 0) {
      throw badCast(address, length, "TIMESTAMP");
    }
    long epochDay = (packed & DAY_MASK) - DAY_OFFSET;
    int i = start + (int) (packed >>> 40);
    long micros = DateTimes.dateToTimestamp(epochDay);
    if (i == end) {
      return micros;
    }
    long time = parseTimestampTail(address, i, end);
    if (time < 0) {
      throw badCast(address, length, "TIMESTAMP");
    }
    return micros + time;
  }

  /**
   * Parses a TIME {@code hh:mm[:ss[.ffffff]]} into microseconds of the day; 24:00:00 is allowed
   * (PostgreSQL and DuckDB) and is {@link DateTimes#MICROS_PER_DAY}.
   */
  public static long parseTime(long address, int length) {
    int start = trimStart(address, length);
    int end = trimEnd(address, start, length);
    long packed = parseTimePart(address, start, end);
    if (packed < 0 || start + (int) (packed >>> 40) != end) {
      throw badCast(address, length, "TIME");
    }
    return packed & DAY_MASK;
  }

  /**
   * Parses a BOOLEAN: true/false, t/f, yes/no, y/n, on/off, 1/0, case-insensitive, surrounding
   * white space allowed (PostgreSQL's set; DuckDB rejects on/off and spaces).
   */
  public static boolean parseBoolean(long address, int length) {
    int start = trimStart(address, length);
    int end = trimEnd(address, start, length);
    int size = end - start;
    if (size >= 1 && size <= 5) {
      byte first = lowerAscii(MemoryUtil.getByte(address + start));
      switch (first) {
        case 't':
          if (size == 1 || equalsIgnoreCase(address, start, end, "true")) {
            return true;
          }
          break;
        case 'y':
          if (size == 1 || equalsIgnoreCase(address, start, end, "yes")) {
            return true;
          }
          break;
        case '1':
          if (size == 1) {
            return true;
          }
          break;
        case 'f':
          if (size == 1 || equalsIgnoreCase(address, start, end, "false")) {
            return false;
          }
          break;
        case 'n':
          if (size == 1 || equalsIgnoreCase(address, start, end, "no")) {
            return false;
          }
          break;
        case '0':
          if (size == 1) {
            return false;
          }
          break;
        case 'o':
          if (equalsIgnoreCase(address, start, end, "on")) {
            return true;
          }
          if (equalsIgnoreCase(address, start, end, "off")) {
            return false;
          }
          break;
        default:
          break;
      }
    }
    throw badCast(address, length, "BOOLEAN");
  }

  // ================================================================ formatting

  /** The number of decimal digits of an unsigned long. */
  private static int digitCount(long unsigned) {
    if (unsigned < 0) {
      return 19 + (Long.compareUnsigned(unsigned, -8_446_744_073_709_551_616L) >= 0 ? 1 : 0);
    }
    int count = 1;
    while (count < 19 && unsigned >= Int128Math.POWERS_OF_TEN[count]) {
      count++;
    }
    return count;
  }

  /** Writes the digits of an unsigned long ending just before {@code end}; returns the start. */
  private static long writeDigitsBackwards(long unsigned, long end) {
    long position = end;
    if (unsigned < 0) {
      long quotient = Long.divideUnsigned(unsigned, 10);
      MemoryUtil.putByte(--position, (byte) ('0' + (unsigned - quotient * 10)));
      unsigned = quotient;
    }
    do {
      long quotient = unsigned / 10;
      MemoryUtil.putByte(--position, (byte) ('0' + (unsigned - quotient * 10)));
      unsigned = quotient;
    } while (unsigned != 0);
    return position;
  }

  /** Writes the decimal digits of a long. No allocation. */
  public static int formatLong(long value, ScratchBytes out) {
    long magnitude = value < 0 ? -value : value; // Long.MIN_VALUE stays its unsigned magnitude
    int digits = digitCount(magnitude);
    int length = digits + (value < 0 ? 1 : 0);
    long target = out.ensureCapacity(length);
    if (value < 0) {
      MemoryUtil.putByte(target, (byte) '-');
    }
    writeDigitsBackwards(magnitude, target + length);
    return length;
  }

  /**
   * Writes a DOUBLE as DuckDB's {@code CAST(x AS VARCHAR)} does: the shortest decimal that reads
   * back as the same double, in plain notation when the decimal exponent is in [-4, 16) with at
   * least one fraction digit ({@code 2.0}, {@code 0.0001}, {@code 1000000000000000.0}), else in
   * scientific notation with a signed two-digit-minimum exponent ({@code 1e+16}, {@code 1e-05},
   * {@code 1.5e+300}); {@code nan}, {@code inf}, {@code -inf}. Allocates.
   */
  public static int formatDouble(double value, ScratchBytes out) {
    return writeAscii(DoubleText.format(value), out);
  }

  /**
   * Writes a REAL held in a double (as compiled expressions hold REAL) like
   * {@link #formatDouble}, but with the shortest digits that read back as the same float
   * ({@code 0.1}, not {@code 0.10000000149011612}). Allocates.
   */
  public static int formatReal(double value, ScratchBytes out) {
    return writeAscii(DoubleText.formatFloat((float) value), out);
  }

  private static int writeAscii(String text, ScratchBytes out) {
    int length = text.length();
    long target = out.ensureCapacity(length);
    for (int i = 0; i < length; i++) {
      MemoryUtil.putByte(target + i, (byte) text.charAt(i));
    }
    return length;
  }

  /**
   * Writes a DECIMAL in plain notation with exactly {@code scale} decimals and a leading zero
   * ({@code 1.50}, {@code -0.05}, {@code 0.5} at scale 1; DuckDB omits the leading zero when
   * scale equals precision, PostgreSQL does not). No allocation.
   */
  public static int formatDecimal(long unscaled, int scale, ScratchBytes out) {
    if (scale == 0) {
      return formatLong(unscaled, out);
    }
    long magnitude = unscaled < 0 ? -unscaled : unscaled;
    int digits = Math.max(digitCount(magnitude), scale + 1);
    int length = digits + 1 + (unscaled < 0 ? 1 : 0);
    long target = out.ensureCapacity(length);
    long end = target + length;
    // write the digits, padded with zeros to scale + 1, then open a gap for the point
    long position = end;
    for (int written = 0; written < digits; written++) {
      if (written == scale) {
        MemoryUtil.putByte(--position, (byte) '.');
      }
      long quotient = Long.divideUnsigned(magnitude, 10);
      MemoryUtil.putByte(--position, (byte) ('0' + (magnitude - quotient * 10)));
      magnitude = quotient;
    }
    if (unscaled < 0) {
      MemoryUtil.putByte(--position, (byte) '-');
    }
    return length;
  }

  /** Writes a wide DECIMAL like {@link #formatDecimal}. No allocation. */
  public static int formatWideDecimal(Int128 value, int scale, ScratchBytes out) {
    if (Int128Math.fitsInLong(value)) {
      return formatDecimal(value.low, scale, out);
    }
    boolean negative = value.high < 0;
    long high = value.high;
    long low = value.low;
    if (negative) {
      low = -value.low;
      high = ~value.high + (value.low == 0 ? 1 : 0);
    }
    // the digits go right-aligned into a work area after the result area, then are copied over
    int resultCapacity = Math.max(40, scale + 2) + 2;
    long target = out.ensureCapacity(resultCapacity + 40);
    long workEnd = target + resultCapacity + 40;
    long position = workEnd;
    // the 128-bit magnitude as four 32-bit limbs, divided by 10^9 until it is zero
    long limb3 = high >>> 32;
    long limb2 = high & 0xFFFFFFFFL;
    long limb1 = low >>> 32;
    long limb0 = low & 0xFFFFFFFFL;
    while ((limb3 | limb2 | limb1 | limb0) != 0) {
      long current = limb3;
      limb3 = current / 1_000_000_000L;
      current = ((current % 1_000_000_000L) << 32) | limb2;
      limb2 = current / 1_000_000_000L;
      current = ((current % 1_000_000_000L) << 32) | limb1;
      limb1 = current / 1_000_000_000L;
      current = ((current % 1_000_000_000L) << 32) | limb0;
      limb0 = current / 1_000_000_000L;
      long chunk = current % 1_000_000_000L;
      boolean last = (limb3 | limb2 | limb1 | limb0) == 0;
      for (int k = 0; k < 9 && !(last && chunk == 0); k++) {
        MemoryUtil.putByte(--position, (byte) ('0' + chunk % 10));
        chunk /= 10;
      }
    }
    int digits = (int) (workEnd - position);
    long write = target;
    if (negative) {
      MemoryUtil.putByte(write++, (byte) '-');
    }
    if (scale == 0) {
      MemoryUtil.copyMemory(position, write, digits);
      write += digits;
    } else if (digits <= scale) {
      MemoryUtil.putByte(write++, (byte) '0');
      MemoryUtil.putByte(write++, (byte) '.');
      for (int k = digits; k < scale; k++) {
        MemoryUtil.putByte(write++, (byte) '0');
      }
      MemoryUtil.copyMemory(position, write, digits);
      write += digits;
    } else {
      MemoryUtil.copyMemory(position, write, digits - scale);
      write += digits - scale;
      MemoryUtil.putByte(write++, (byte) '.');
      MemoryUtil.copyMemory(position + digits - scale, write, scale);
      write += scale;
    }
    return (int) (write - target);
  }

  /** Writes {@code value} as exactly {@code width} digits at {@code address}. */
  private static void writePadded(long address, long value, int width) {
    for (int i = width - 1; i >= 0; i--) {
      MemoryUtil.putByte(address + i, (byte) ('0' + value % 10));
      value /= 10;
    }
  }

  /** Writes the date part at {@code target}; returns its length. Capacity must be ensured. */
  private static int writeDate(long epochDay, long target) {
    long year = DateTimes.yearOf(epochDay);
    int month = DateTimes.monthOf(epochDay);
    int day = DateTimes.dayOfMonthOf(epochDay);
    boolean beforeCommonEra = year <= 0;
    long shownYear = beforeCommonEra ? 1 - year : year;
    int yearDigits = Math.max(4, digitCount(shownYear));
    writePadded(target, shownYear, yearDigits);
    long position = target + yearDigits;
    MemoryUtil.putByte(position, (byte) '-');
    writePadded(position + 1, month, 2);
    MemoryUtil.putByte(position + 3, (byte) '-');
    writePadded(position + 4, day, 2);
    position += 6;
    if (beforeCommonEra) {
      MemoryUtil.putByte(position, (byte) ' ');
      MemoryUtil.putByte(position + 1, (byte) '(');
      MemoryUtil.putByte(position + 2, (byte) 'B');
      MemoryUtil.putByte(position + 3, (byte) 'C');
      MemoryUtil.putByte(position + 4, (byte) ')');
      position += 5;
    }
    return (int) (position - target);
  }

  /** Writes hh:mm:ss[.ffffff] at {@code target}; returns its length. */
  private static int writeTime(long micros, long target) {
    writePadded(target, micros / 3_600_000_000L, 2);
    MemoryUtil.putByte(target + 2, (byte) ':');
    writePadded(target + 3, micros / 60_000_000L % 60, 2);
    MemoryUtil.putByte(target + 5, (byte) ':');
    writePadded(target + 6, micros / 1_000_000L % 60, 2);
    long fraction = micros % 1_000_000L;
    if (fraction == 0) {
      return 8;
    }
    int digits = 6;
    while (fraction % 10 == 0) {
      fraction /= 10;
      digits--;
    }
    MemoryUtil.putByte(target + 8, (byte) '.');
    writePadded(target + 9, fraction, digits);
    return 9 + digits;
  }

  /**
   * Writes a DATE as {@code yyyy-mm-dd}; years before 1 AD as DuckDB does ({@code 0001-12-31 (BC)}
   * for year 0), years past 9999 with more digits. No allocation.
   */
  public static int formatDate(long epochDay, ScratchBytes out) {
    long target = out.ensureCapacity(32);
    return writeDate(epochDay, target);
  }

  /**
   * Writes a TIMESTAMP as {@code yyyy-mm-dd hh:mm:ss[.ffffff]}, the fraction without trailing
   * zeros and left out when zero (as DuckDB: {@code 2024-01-05 10:20:30.12}). No allocation.
   */
  public static int formatTimestamp(long epochMicros, ScratchBytes out) {
    long day = Math.floorDiv(epochMicros, DateTimes.MICROS_PER_DAY);
    long micros = Math.floorMod(epochMicros, DateTimes.MICROS_PER_DAY);
    long target = out.ensureCapacity(48);
    int length = writeDate(day, target);
    MemoryUtil.putByte(target + length, (byte) ' ');
    length++;
    return length + writeTime(micros, target + length);
  }

  /** Writes a TIME as {@code hh:mm:ss[.ffffff]} (fraction as {@link #formatTimestamp}). */
  public static int formatTime(long micros, ScratchBytes out) {
    long target = out.ensureCapacity(16);
    return writeTime(micros, target);
  }

  /** Writes {@code true} or {@code false}. */
  public static int formatBoolean(boolean value, ScratchBytes out) {
    long target = out.ensureCapacity(5);
    if (value) {
      MemoryUtil.putInt(target, TRUE_BYTES);
      return 4;
    }
    MemoryUtil.putInt(target, FALS_BYTES);
    MemoryUtil.putByte(target + 4, (byte) 'e');
    return 5;
  }

  private static final int TRUE_BYTES = asciiInt("true");
  private static final int FALS_BYTES = asciiInt("fals");

  private static int asciiInt(String four) {
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int shift = MemoryUtil.LITTLE_ENDIAN ? 8 * i : 8 * (3 - i);
      value |= (four.charAt(i) & 0xFF) << shift;
    }
    return value;
  }

  // ================================================================ numeric conversions

  /**
   * DECIMAL to an integer type, rounding half away from zero ({@code 2.5} is 3, {@code -2.5} is
   * -3: DuckDB and PostgreSQL); EXECUTION "integer out of range" (named after targetType)
   * outside {@code [min, max]}.
   */
  public static long decimalToInteger(long unscaled, int scale, long min, long max,
      String targetType) {
    long value;
    if (scale == 0) {
      value = unscaled;
    } else if (scale > 18) {
      value = 0;
    } else {
      value = Arithmetic.divideRoundHalfAwayFromZero(unscaled, Int128Math.POWERS_OF_TEN[scale]);
    }
    if (value < min || value > max) {
      throw RuntimeErrors.outOfRange(targetType);
    }
    return value;
  }

  /**
   * DOUBLE to an integer type, rounding half to even as DuckDB ({@code 2.5} is 2, {@code 3.5} is
   * 4; PostgreSQL's rint does the same). NaN, infinities and values outside {@code [min, max]}
   * are EXECUTION errors "integer out of range" (named after targetType).
   */
  public static long doubleToInteger(double value, long min, long max, String targetType) {
    double rounded = Math.rint(value);
    // NaN fails both comparisons; 2^63 is the first double above Long.MAX_VALUE
    if (!(rounded >= -0x1p63 && rounded < 0x1p63)) {
      throw RuntimeErrors.outOfRange(targetType);
    }
    long result = (long) rounded;
    if (result < min || result > max) {
      throw RuntimeErrors.outOfRange(targetType);
    }
    return result;
  }

  /**
   * Moves an unscaled decimal from {@code fromScale} to {@code toScale}, rounding half away from
   * zero when the scale shrinks; EXECUTION "decimal overflow: value does not fit
   * DECIMAL(toPrecision,toScale)" when the result has too many digits.
   */
  public static long rescaleDecimal(long unscaled, int fromScale, int toScale, int toPrecision) {
    long result;
    if (toScale == fromScale) {
      result = unscaled;
    } else if (toScale > fromScale) {
      int k = toScale - fromScale;
      if (unscaled == 0) {
        return 0;
      }
      if (k > 18) {
        throw RuntimeErrors.decimalOverflow(toPrecision, toScale);
      }
      long factor = Int128Math.POWERS_OF_TEN[k];
      long high = Math.multiplyHigh(unscaled, factor);
      result = unscaled * factor;
      if (high != (result >> 63)) {
        throw RuntimeErrors.decimalOverflow(toPrecision, toScale);
      }
    } else {
      int k = fromScale - toScale;
      if (k > 18) {
        result = (k == 19 && (unscaled >= 5_000_000_000_000_000_000L
            || unscaled <= -5_000_000_000_000_000_000L)) ? Long.signum(unscaled) : 0;
      } else {
        result = Arithmetic.divideRoundHalfAwayFromZero(unscaled, Int128Math.POWERS_OF_TEN[k]);
      }
    }
    if (!Arithmetic.fitsPrecision(result, toPrecision)) {
      throw RuntimeErrors.decimalOverflow(toPrecision, toScale);
    }
    return result;
  }

  /**
   * DOUBLE to DECIMAL(precision, scale): the exact binary value rounded half away from zero
   * ({@code 1.005} is 1.00 because the double is slightly below 1.005; {@code 0.125} is 0.13), as
   * DuckDB. NaN, infinities and values with too many digits are EXECUTION errors "decimal
   * overflow". No allocation for values below 2^52 after scaling.
   */
  public static long doubleToDecimal(double value, int precision, int scale) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw RuntimeErrors.decimalOverflow(precision, scale);
    }
    double magnitude = Math.abs(value);
    if (scale >= 0 && scale <= 22) {
      double factor = TEN_POWERS[scale];
      double product = magnitude * factor;
      if (product < 0x1p52) {
        // product + error is the exact product (error is exact thanks to the fused multiply-add)
        double error = Math.fma(magnitude, factor, -product);
        double whole = Math.floor(product);
        double half = (product - whole) - 0.5; // exact: a multiple of ulp(product)
        long result = (long) whole;
        if (half > 0 || (half == 0 && error >= 0)) {
          result++;
        }
        if (!Arithmetic.fitsPrecision(result, precision)) {
          throw RuntimeErrors.decimalOverflow(precision, scale);
        }
        return value < 0 ? -result : result;
      }
    }
    BigDecimal decimal = new BigDecimal(value).setScale(scale, RoundingMode.HALF_UP);
    if (decimal.precision() - decimal.scale() > precision - scale
        || decimal.unscaledValue().bitLength() > 63) {
      throw RuntimeErrors.decimalOverflow(precision, scale);
    }
    long result = decimal.unscaledValue().longValue();
    if (!Arithmetic.fitsPrecision(result, precision)) {
      throw RuntimeErrors.decimalOverflow(precision, scale);
    }
    return result;
  }

  /**
   * The double nearest to {@code unscaled / 10^scale}: exact division when both fit a double
   * exactly (no allocation), else through BigDecimal (allocates).
   */
  public static double decimalToDouble(long unscaled, int scale) {
    if (scale == 0) {
      return unscaled;
    }
    if (scale > 0 && scale <= 22 && Math.abs(unscaled) <= (1L << 53)) {
      return unscaled / TEN_POWERS[scale];
    }
    return BigDecimal.valueOf(unscaled, scale).doubleValue();
  }

  /** An integer to DECIMAL(precision, scale); EXECUTION "decimal overflow" when it does not fit. */
  public static long integerToDecimal(long value, int precision, int scale) {
    return rescaleDecimal(value, 0, scale, precision);
  }
}
