package io.quiver.engine.expr.runtime;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * CAST between SQL types: parsing UTF-8 text (a bad value is a DATA error quoting it),
 * formatting values as text (as DuckDB prints them), and numeric conversions (rounding half away
 * from zero; out of range is an EXECUTION error).
 */
public final class Casts {
  private Casts() {}

  static String text(long address, int length) {
    byte[] bytes = new byte[length];
    MemoryUtil.copyFromMemory(address, bytes, 0, length);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static QuiverException badCast(String value, String target) {
    return new QuiverException(ErrorKind.DATA,
        "cannot cast '" + value + "' to " + target + ": the value is not a valid " + target);
  }

  public static long parseInteger(long address, int length, long min, long max,
      String targetType) {
    // fast path: optional sign and ASCII digits, no spaces
    long value = 0;
    int i = 0;
    boolean negative = false;
    if (length > 0) {
      byte first = MemoryUtil.getByte(address);
      if (first == '-' || first == '+') {
        negative = first == '-';
        i = 1;
      }
    }
    boolean ok = i < length && length - i <= 18;
    for (int j = i; ok && j < length; j++) {
      byte b = MemoryUtil.getByte(address + j);
      if (b < '0' || b > '9') {
        ok = false;
      } else {
        value = value * 10 + (b - '0');
      }
    }
    if (ok) {
      value = negative ? -value : value;
    } else {
      String text = text(address, length);
      try {
        BigDecimal parsed = new BigDecimal(text.trim());
        value = parsed.setScale(0, RoundingMode.HALF_UP).longValueExact();
      } catch (NumberFormatException | ArithmeticException e) {
        throw badCast(text, targetType);
      }
    }
    if (value < min || value > max) {
      throw new QuiverException(ErrorKind.DATA, "cannot cast '" + text(address, length)
          + "' to " + targetType + ": out of range");
    }
    return value;
  }

  public static double parseDouble(long address, int length) {
    String text = text(address, length).trim();
    String lower = text.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "nan": return Double.NaN;
      case "inf": case "infinity": case "+inf": case "+infinity": return Double.POSITIVE_INFINITY;
      case "-inf": case "-infinity": return Double.NEGATIVE_INFINITY;
      default: break;
    }
    try {
      if (lower.isEmpty() || lower.endsWith("d") || lower.endsWith("f")
          || lower.contains("x") || lower.contains("n")) {
        throw new NumberFormatException(text);
      }
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw badCast(text, "DOUBLE");
    }
  }

  private static BigDecimal parseBigDecimal(long address, int length, int precision, int scale) {
    String text = text(address, length).trim();
    BigDecimal value;
    try {
      value = new BigDecimal(text).setScale(scale, RoundingMode.HALF_UP);
    } catch (NumberFormatException | ArithmeticException e) {
      throw badCast(text, "DECIMAL(" + precision + "," + scale + ")");
    }
    if (value.precision() - value.scale() > precision - scale) {
      throw new QuiverException(ErrorKind.DATA, "cannot cast '" + text + "' to DECIMAL("
          + precision + "," + scale + "): too many digits");
    }
    return value;
  }

  public static long parseDecimal(long address, int length, int precision, int scale) {
    return parseBigDecimal(address, length, precision, scale).unscaledValue().longValueExact();
  }

  public static void parseWideDecimal(long address, int length, int precision, int scale,
      Int128 out) {
    Int128Math.fromBigDecimal(parseBigDecimal(address, length, precision, scale), scale, out);
  }

  public static long parseDate(long address, int length) {
    // fast path: yyyy-mm-dd
    if (length == 10 && MemoryUtil.getByte(address + 4) == '-'
        && MemoryUtil.getByte(address + 7) == '-') {
      int year = digits(address, 0, 4);
      int month = digits(address, 5, 2);
      int day = digits(address, 8, 2);
      if (year >= 0 && month >= 1 && month <= 12 && day >= 1
          && day <= DateTimes.daysInMonth(year, month)) {
        return DateTimes.daysFromCivil(year, month, day);
      }
    }
    String text = text(address, length).trim();
    try {
      String[] parts = text.split("-");
      if (parts.length != 3) {
        throw new NumberFormatException(text);
      }
      return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
          Integer.parseInt(parts[2])).toEpochDay();
    } catch (RuntimeException e) {
      throw badCast(text, "DATE");
    }
  }

  private static int digits(long address, int from, int count) {
    int value = 0;
    for (int i = 0; i < count; i++) {
      byte b = MemoryUtil.getByte(address + from + i);
      if (b < '0' || b > '9') {
        return -1;
      }
      value = value * 10 + (b - '0');
    }
    return value;
  }

  public static long parseTimestamp(long address, int length) {
    String text = text(address, length).trim();
    try {
      String normalized = text.replace('T', ' ');
      int space = normalized.indexOf(' ');
      if (space < 0) {
        return DateTimes.dateToTimestamp(parseDate(address, length));
      }
      long day = parseDateText(normalized.substring(0, space));
      long micros = parseTimeText(normalized.substring(space + 1).trim());
      return day * DateTimes.MICROS_PER_DAY + micros;
    } catch (QuiverException e) {
      throw badCast(text, "TIMESTAMP");
    } catch (RuntimeException e) {
      throw badCast(text, "TIMESTAMP");
    }
  }

  private static long parseDateText(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    String[] parts = text.split("-");
    if (parts.length != 3) {
      throw new IllegalArgumentException(text);
    }
    return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
        Integer.parseInt(parts[2])).toEpochDay() + 0 * bytes.length;
  }

  private static long parseTimeText(String text) {
    LocalTime time = LocalTime.parse(text.length() == 5 ? text + ":00" : text);
    return time.toNanoOfDay() / 1000;
  }

  public static long parseTime(long address, int length) {
    String text = text(address, length).trim();
    try {
      return parseTimeText(text);
    } catch (RuntimeException e) {
      throw badCast(text, "TIME");
    }
  }

  public static boolean parseBoolean(long address, int length) {
    String text = text(address, length).trim().toLowerCase(Locale.ROOT);
    switch (text) {
      case "true": case "t": case "yes": case "y": case "1": case "on": return true;
      case "false": case "f": case "no": case "n": case "0": case "off": return false;
      default: throw badCast(text(address, length), "BOOLEAN");
    }
  }

  private static int write(String text, ScratchBytes out) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    long target = out.ensureCapacity(Math.max(1, bytes.length));
    MemoryUtil.copyToMemory(bytes, 0, target, bytes.length);
    return bytes.length;
  }

  public static int formatLong(long value, ScratchBytes out) {
    long target = out.ensureCapacity(20);
    if (value == Long.MIN_VALUE) {
      return write(Long.toString(value), out);
    }
    boolean negative = value < 0;
    long v = Math.abs(value);
    int digits = 1;
    for (long t = v; t >= 10; t /= 10) {
      digits++;
    }
    int length = digits + (negative ? 1 : 0);
    long position = target + length - 1;
    do {
      MemoryUtil.putByte(position--, (byte) ('0' + (v % 10)));
      v /= 10;
    } while (v > 0);
    if (negative) {
      MemoryUtil.putByte(target, (byte) '-');
    }
    return length;
  }

  public static int formatDouble(double value, ScratchBytes out) {
    if (Double.isNaN(value)) {
      return write("nan", out);
    }
    if (Double.isInfinite(value)) {
      return write(value > 0 ? "inf" : "-inf", out);
    }
    return write(Double.toString(value).replace("E", "e"), out);
  }

  public static int formatDecimal(long unscaled, int scale, ScratchBytes out) {
    return write(BigDecimal.valueOf(unscaled, scale).toPlainString(), out);
  }

  public static int formatWideDecimal(Int128 value, int scale, ScratchBytes out) {
    return write(Int128Math.toBigDecimal(value, scale).toPlainString(), out);
  }

  public static int formatDate(long epochDay, ScratchBytes out) {
    long civil = DateTimes.civil(epochDay);
    long year = civil / 10000;
    if (year < 0 || year > 9999) {
      return write(LocalDate.ofEpochDay(epochDay).toString(), out);
    }
    long target = out.ensureCapacity(10);
    putDigits(target, year, 4);
    MemoryUtil.putByte(target + 4, (byte) '-');
    putDigits(target + 5, (civil / 100) % 100, 2);
    MemoryUtil.putByte(target + 7, (byte) '-');
    putDigits(target + 8, civil % 100, 2);
    return 10;
  }

  private static void putDigits(long address, long value, int count) {
    for (int i = count - 1; i >= 0; i--) {
      MemoryUtil.putByte(address + i, (byte) ('0' + (value % 10)));
      value /= 10;
    }
  }

  public static int formatTimestamp(long epochMicros, ScratchBytes out) {
    LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L),
        (int) Math.floorMod(epochMicros, 1_000_000L) * 1000, ZoneOffset.UTC);
    String text = time.toLocalDate() + " " + formatTimeText(time.toLocalTime());
    return write(text, out);
  }

  private static String formatTimeText(LocalTime time) {
    String text = String.format(Locale.ROOT, "%02d:%02d:%02d", time.getHour(), time.getMinute(),
        time.getSecond());
    int micros = time.getNano() / 1000;
    if (micros != 0) {
      String fraction = String.format(Locale.ROOT, "%06d", micros).replaceAll("0+$", "");
      text += "." + fraction;
    }
    return text;
  }

  public static int formatTime(long micros, ScratchBytes out) {
    return write(formatTimeText(LocalTime.ofNanoOfDay(micros * 1000)), out);
  }

  public static int formatBoolean(boolean value, ScratchBytes out) {
    return write(value ? "true" : "false", out);
  }

  public static long decimalToInteger(long unscaled, int scale, long min, long max,
      String targetType) {
    long value = scale == 0 ? unscaled : Arithmetic.roundDecimal(unscaled, scale, 0)
        / Arithmetic.power(scale);
    if (value < min || value > max) {
      throw new QuiverException(ErrorKind.EXECUTION, targetType.toLowerCase(Locale.ROOT)
          + " out of range");
    }
    return value;
  }

  public static long doubleToInteger(double value, long min, long max, String targetType) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new QuiverException(ErrorKind.EXECUTION, "cannot cast " + value + " to "
          + targetType);
    }
    double rounded = Math.rint(value);
    if (rounded < min || rounded > max || rounded >= 9.223372036854775807E18) {
      throw new QuiverException(ErrorKind.EXECUTION, targetType.toLowerCase(Locale.ROOT)
          + " out of range");
    }
    return (long) rounded;
  }

  public static long rescaleDecimal(long unscaled, int fromScale, int toScale, int toPrecision) {
    long value;
    if (toScale == fromScale) {
      value = unscaled;
    } else if (toScale > fromScale) {
      int shift = toScale - fromScale;
      if (shift > 18) {
        throw Arithmetic.decimalOverflow(toPrecision);
      }
      try {
        value = Math.multiplyExact(unscaled, Arithmetic.power(shift));
      } catch (ArithmeticException e) {
        throw Arithmetic.decimalOverflow(toPrecision);
      }
    } else {
      int shift = fromScale - toScale;
      if (shift > 18) {
        return 0;
      }
      long factor = Arithmetic.power(shift);
      value = unscaled / factor;
      long remainder = unscaled % factor;
      if (Math.abs(remainder) * 2 >= factor) {
        value += unscaled < 0 ? -1 : 1;
      }
    }
    return Arithmetic.checkDecimal(value, toPrecision);
  }

  public static long doubleToDecimal(double value, int precision, int scale) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new QuiverException(ErrorKind.EXECUTION, "cannot cast " + value + " to DECIMAL");
    }
    BigDecimal decimal = new BigDecimal(Double.toString(value)).setScale(scale,
        RoundingMode.HALF_UP);
    if (decimal.precision() - decimal.scale() > precision - scale) {
      throw Arithmetic.decimalOverflow(precision);
    }
    return decimal.unscaledValue().longValueExact();
  }

  public static double decimalToDouble(long unscaled, int scale) {
    if (scale == 0) {
      return unscaled;
    }
    if (scale < 19 && Math.abs(unscaled) < (1L << 53)) {
      return unscaled / (double) Arithmetic.power(scale);
    }
    return BigDecimal.valueOf(unscaled, scale).doubleValue();
  }

  public static long integerToDecimal(long value, int precision, int scale) {
    return rescaleDecimal(value, 0, scale, precision);
  }
}
