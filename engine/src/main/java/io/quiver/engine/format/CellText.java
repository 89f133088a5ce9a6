package io.quiver.engine.format;

import io.quiver.udf.convert.ArrowValues;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * The SQL text of one non-null value, shared by every format so that a value reads the same in
 * a table, a CSV file and a JSON string.
 *
 * <ul>
 *   <li>integers in decimal, booleans {@code true}/{@code false};</li>
 *   <li>REAL and DOUBLE as their shortest round-trip text ({@code 1.5}, {@code 2.0},
 *       {@code 1.0E20}, {@code NaN}, {@code Infinity});</li>
 *   <li>DECIMAL in plain notation with its scale ({@code 12.50});</li>
 *   <li>DATE {@code yyyy-mm-dd}; TIME {@code hh:mm:ss[.ffffff]}; TIMESTAMP
 *       {@code yyyy-mm-dd hh:mm:ss[.ffffff]} (the fraction, always six digits, only when it is
 *       not zero);</li>
 *   <li>everything else through {@link ArrowValues#toText(Object)}.</li>
 * </ul>
 *
 * <p>Integers, booleans, dates and times are appended without boxing the value.
 */
final class CellText {
  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;
  /** Epoch day of 0001-01-01. */
  private static final long FIRST_FOUR_DIGIT_DAY = -719_162L;
  /** Epoch day of 9999-12-31. */
  private static final long LAST_FOUR_DIGIT_DAY = 2_932_896L;

  private CellText() {}

  /** Appends the text of the value at {@code row}, which must not be null. */
  static void append(FieldVector vector, ColumnKind kind, int row, StringBuilder out) {
    switch (kind) {
      case BOOLEAN -> out.append(((BitVector) vector).get(row) != 0 ? "true" : "false");
      case TINYINT -> out.append(((TinyIntVector) vector).get(row));
      case SMALLINT -> out.append(((SmallIntVector) vector).get(row));
      case INTEGER -> out.append(((IntVector) vector).get(row));
      case BIGINT -> out.append(((BigIntVector) vector).get(row));
      case REAL -> appendReal(((Float4Vector) vector).get(row), out);
      case DOUBLE -> out.append(ArrowValues.toText(((Float8Vector) vector).get(row)));
      case VARCHAR -> out.append(varchar((VarCharVector) vector, row));
      case DATE -> appendDate(((DateDayVector) vector).get(row), out);
      case TIME -> appendTimeOfDay(((TimeMicroVector) vector).get(row), out);
      case TIMESTAMP -> appendTimestamp(((TimeStampMicroVector) vector).get(row), out);
      default -> out.append(ArrowValues.toText(ArrowValues.toJava(vector, row)));
    }
  }

  /** The text of the value at {@code row}, which must not be null. */
  static String text(FieldVector vector, ColumnKind kind, int row) {
    if (kind == ColumnKind.VARCHAR) {
      return varchar((VarCharVector) vector, row);
    }
    StringBuilder out = new StringBuilder(24);
    append(vector, kind, row, out);
    return out.toString();
  }

  static String varchar(VarCharVector vector, int row) {
    return new String(vector.get(row), StandardCharsets.UTF_8);
  }

  /**
   * REAL keeps its own shortest text ({@code 1.1}, not the widened double
   * {@code 1.100000023841858}); whole values get a {@code .0} like DOUBLE.
   */
  static void appendReal(float value, StringBuilder out) {
    if (Float.isNaN(value) || Float.isInfinite(value)) {
      out.append(ArrowValues.toText((double) value));
    } else if (value == Math.rint(value) && Math.abs(value) < 1e15f) {
      out.append((long) value).append(".0");
    } else {
      out.append(Float.toString(value));
    }
  }

  static void appendDate(long epochDay, StringBuilder out) {
    if (epochDay >= FIRST_FOUR_DIGIT_DAY && epochDay <= LAST_FOUR_DIGIT_DAY) {
      // 0001-01-01 .. 9999-12-31: format the civil date without allocating.
      appendCivilDate(epochDay, out);
    } else {
      out.append(LocalDate.ofEpochDay(epochDay));
    }
  }

  static void appendTimestamp(long micros, StringBuilder out) {
    long day = Math.floorDiv(micros, MICROS_PER_DAY);
    appendDate(day, out);
    out.append(' ');
    appendTimeOfDay(Math.floorMod(micros, MICROS_PER_DAY), out);
  }

  static void appendTimeOfDay(long micros, StringBuilder out) {
    long seconds = micros / MICROS_PER_SECOND;
    int fraction = (int) (micros % MICROS_PER_SECOND);
    appendTwoDigits((int) (seconds / 3600), out);
    out.append(':');
    appendTwoDigits((int) (seconds / 60 % 60), out);
    out.append(':');
    appendTwoDigits((int) (seconds % 60), out);
    if (fraction != 0) {
      out.append('.');
      for (int divisor = 100_000; divisor > 0; divisor /= 10) {
        out.append((char) ('0' + fraction / divisor % 10));
      }
    }
  }

  private static void appendTwoDigits(int value, StringBuilder out) {
    out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }

  /** Days since 1970-01-01 to year-month-day (the civil-from-days algorithm, proleptic). */
  private static void appendCivilDate(long epochDay, StringBuilder out) {
    long z = epochDay + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long dayOfEra = z - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long monthIndex = (5 * dayOfYear + 2) / 153;
    int day = (int) (dayOfYear - (153 * monthIndex + 2) / 5 + 1);
    int month = (int) (monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
    int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
    appendTwoDigits(year / 100, out);
    appendTwoDigits(year % 100, out);
    out.append('-');
    appendTwoDigits(month, out);
    out.append('-');
    appendTwoDigits(day, out);
  }
}
