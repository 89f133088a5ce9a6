package io.quiver.udf.convert;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.IntervalDayVector;
import org.apache.arrow.vector.IntervalYearVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Writes Java values into Arrow vectors (the inverse of
 * {@link ArrowValues}): for constants such as VALUES rows and for tests.
 * It boxes, so it never runs on a per-row hot path.
 *
 * <p>Accepted values: {@code null}; Boolean; any {@link Number} for numeric columns (converted
 * exactly: a fraction or an out-of-range value for an integer column is an error); String;
 * LocalDate; LocalDateTime (as UTC wall-clock time); LocalTime; Duration for day-time
 * intervals; Period or an Integer number of months for year-month intervals.
 */
public final class JavaValueWriter {
  private JavaValueWriter() {}

  /** Sets {@code vector[row] = value}, growing the vector as needed (setSafe). */
  public static void write(FieldVector vector, int row, Object value) {
    writer(vector).write(row, value);
  }

  /** Writes one value (null for NULL) at a row, growing the vector as needed. */
  @FunctionalInterface
  public interface ValueWriter {
    void write(int row, Object value);
  }

  /**
   * A writer into {@code vector}, chosen once per vector: for loops over many rows (the
   * row-wise function adapters) that would otherwise test the vector's type per value.
   */
  public static ValueWriter writer(FieldVector vector) {
    ValueWriter setter = setter(vector);
    return (row, value) -> {
      if (value == null) {
        setNull(vector, row);
        return;
      }
      try {
        setter.write(row, value);
      } catch (ClassCastException | ArithmeticException e) {
        throw new QuiverException(ErrorKind.DATA, "value " + value + " ("
            + value.getClass().getSimpleName() + ") does not fit column "
            + vector.getField().getName() + " of type " + vector.getField().getType(), e);
      }
    };
  }

  /** Sets a non-NULL value; ClassCastException or ArithmeticException when it does not fit. */
  private static ValueWriter setter(FieldVector vector) {
    if (vector instanceof BitVector v) {
      return (row, value) -> v.setSafe(row, ((Boolean) value) ? 1 : 0);
    } else if (vector instanceof BigIntVector v) {
      return (row, value) -> v.setSafe(row, exactLong(value));
    } else if (vector instanceof IntVector v) {
      return (row, value) -> v.setSafe(row, Math.toIntExact(exactLong(value)));
    } else if (vector instanceof SmallIntVector v) {
      return (row, value) -> v.setSafe(row,
          (short) inRange(exactLong(value), Short.MIN_VALUE, Short.MAX_VALUE));
    } else if (vector instanceof TinyIntVector v) {
      return (row, value) -> v.setSafe(row,
          (byte) inRange(exactLong(value), Byte.MIN_VALUE, Byte.MAX_VALUE));
    } else if (vector instanceof Float4Vector v) {
      return (row, value) -> v.setSafe(row, ((Number) value).floatValue());
    } else if (vector instanceof Float8Vector v) {
      return (row, value) -> v.setSafe(row, ((Number) value).doubleValue());
    } else if (vector instanceof DecimalVector v) {
      return (row, value) -> {
        BigDecimal decimal = exact(value).setScale(v.getScale(), RoundingMode.HALF_UP);
        if (decimal.precision() > v.getPrecision()) {
          throw new QuiverException(ErrorKind.DATA, "value " + value + " does not fit "
              + "DECIMAL(" + v.getPrecision() + "," + v.getScale() + ")");
        }
        v.setSafe(row, decimal);
      };
    } else if (vector instanceof VarCharVector v) {
      return (row, value) -> v.setSafe(row, value.toString().getBytes(StandardCharsets.UTF_8));
    } else if (vector instanceof DateDayVector v) {
      return (row, value) -> v.setSafe(row, Math.toIntExact(((LocalDate) value).toEpochDay()));
    } else if (vector instanceof TimeStampMicroVector v) {
      return (row, value) -> {
        LocalDateTime timestamp = (LocalDateTime) value;
        long seconds = timestamp.toEpochSecond(ZoneOffset.UTC);
        v.setSafe(row, Math.addExact(Math.multiplyExact(seconds, 1_000_000L),
            timestamp.getNano() / 1000));
      };
    } else if (vector instanceof TimeMicroVector v) {
      return (row, value) -> v.setSafe(row, ((LocalTime) value).toNanoOfDay() / 1000);
    } else if (vector instanceof IntervalDayVector v) {
      return (row, value) -> {
        Duration duration = (Duration) value;
        long days = duration.toDays();
        long millis = duration.minusDays(days).toMillis();
        v.setSafe(row, Math.toIntExact(days), Math.toIntExact(millis));
      };
    } else if (vector instanceof IntervalYearVector v) {
      return (row, value) -> v.setSafe(row, value instanceof Period period
          ? Math.toIntExact(period.toTotalMonths()) : ((Number) value).intValue());
    }
    return (row, value) -> {
      throw new QuiverException(ErrorKind.UNSUPPORTED,
          "constants of type " + vector.getField().getType() + " are not supported");
    };
  }

  /** An integral value as a long without going through BigDecimal (the common case). */
  private static long exactLong(Object value) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    return exact(value).longValueExact();
  }

  private static long inRange(long value, long min, long max) {
    if (value < min || value > max) {
      throw new ArithmeticException("out of range");
    }
    return value;
  }

  private static BigDecimal exact(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Double || value instanceof Float) {
      return BigDecimal.valueOf(((Number) value).doubleValue());
    }
    if (value instanceof Number number) {
      return BigDecimal.valueOf(number.longValue());
    }
    throw new ClassCastException(value.getClass().getName() + " is not a number");
  }

  private static void setNull(FieldVector vector, int row) {
    while (vector.getValueCapacity() <= row) {
      vector.reAlloc();
    }
    if (vector instanceof BaseFixedWidthVector fixed) {
      fixed.setNull(row);
    } else if (vector instanceof BaseVariableWidthVector variable) {
      variable.setNull(row);
    } else {
      throw new QuiverException(ErrorKind.UNSUPPORTED,
          "NULL constants of type " + vector.getField().getType() + " are not supported");
    }
  }
}
