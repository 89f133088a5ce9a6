package io.quiver.udf.convert;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
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
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * The one place where Arrow vector values become Java values. Used by result rendering, tests
 * and the row-wise function adapters; never on a vectorised hot path (it boxes).
 *
 * <p>Mapping: BOOLEAN to Boolean, TINYINT..BIGINT to Byte/Short/Integer/Long, REAL/DOUBLE to
 * Float/Double, DECIMAL to BigDecimal, VARCHAR to String, DATE to LocalDate, TIME to
 * LocalTime, TIMESTAMP to LocalDateTime, INTERVAL DAY TO SECOND to Duration, INTERVAL YEAR TO
 * MONTH to Period; NULL to null; ARRAY (List) to a {@code java.util.List}, ROW (Struct) to a
 * {@code java.util.Map} from field name to value and MAP to a {@code java.util.Map} from key to
 * value (both in order), their items converted by the same rules. As text, a list reads
 * {@code [1, 2, NULL]} and a map or row {@code {key=value, ...}}.
 */
public final class ArrowValues {
  private ArrowValues() {}

  public static Object toJava(FieldVector vector, int index) {
    return vector.isNull(index) ? null : reader(vector).read(index);
  }

  /** Reads the value at a row known not to be NULL. */
  @FunctionalInterface
  public interface ValueReader {
    Object read(int index);
  }

  /**
   * A reader of {@code vector}'s non-NULL values, chosen once per vector: for loops over many
   * rows (the row-wise function adapters) that would otherwise test the vector's type per value.
   */
  public static ValueReader reader(FieldVector vector) {
    if (vector instanceof BitVector v) {
      return index -> v.get(index) != 0;
    } else if (vector instanceof TinyIntVector v) {
      return v::get;
    } else if (vector instanceof SmallIntVector v) {
      return v::get;
    } else if (vector instanceof IntVector v) {
      return v::get;
    } else if (vector instanceof BigIntVector v) {
      return v::get;
    } else if (vector instanceof Float4Vector v) {
      return v::get;
    } else if (vector instanceof Float8Vector v) {
      return v::get;
    } else if (vector instanceof DecimalVector v) {
      return v::getObject;
    } else if (vector instanceof VarCharVector v) {
      return index -> new String(v.get(index), StandardCharsets.UTF_8);
    } else if (vector instanceof DateDayVector v) {
      return index -> LocalDate.ofEpochDay(v.get(index));
    } else if (vector instanceof DateMilliVector v) {
      return index -> LocalDate.ofEpochDay(Math.floorDiv(v.get(index), 86_400_000L));
    } else if (vector instanceof TimeMicroVector v) {
      return index -> LocalTime.ofNanoOfDay(v.get(index) * 1000L);
    } else if (vector instanceof TimeStampMicroVector v) {
      return index -> {
        long micros = v.get(index);
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
            (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
      };
    } else if (vector instanceof IntervalDayVector v) {
      return v::getObject;
    } else if (vector instanceof IntervalYearVector v) {
      return index -> Period.ofMonths(v.get(index)).normalized();
    } else if (vector instanceof MapVector v) {
      StructVector entries = (StructVector) v.getDataVector();
      FieldVector keys = entries.getChildrenFromFields().get(0);
      FieldVector values = entries.getChildrenFromFields().get(1);
      return index -> {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (int i = v.getElementStartIndex(index); i < v.getElementEndIndex(index); i++) {
          out.put(toJava(keys, i), toJava(values, i));
        }
        return out;
      };
    } else if (vector instanceof ListVector v) {
      FieldVector items = v.getDataVector();
      return index -> {
        List<Object> out = new ArrayList<>();
        for (int i = v.getElementStartIndex(index); i < v.getElementEndIndex(index); i++) {
          out.add(toJava(items, i));
        }
        return out;
      };
    } else if (vector instanceof StructVector v) {
      List<FieldVector> fields = v.getChildrenFromFields();
      return index -> {
        Map<String, Object> out = new LinkedHashMap<>();
        for (FieldVector field : fields) {
          out.put(field.getName(), toJava(field, index));
        }
        return out;
      };
    }
    return vector::getObject;
  }

  /** SQL text for a value as PostgreSQL and DuckDB print it (dates yyyy-mm-dd, ...). */
  public static String toText(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof LocalDateTime timestamp) {
      String text = String.format(java.util.Locale.ROOT, "%s %02d:%02d:%02d",
          timestamp.toLocalDate(), timestamp.getHour(), timestamp.getMinute(),
          timestamp.getSecond());
      int micros = timestamp.getNano() / 1000;
      if (micros != 0) {
        text += "." + String.format(java.util.Locale.ROOT, "%06d", micros).replaceAll("0+$", "");
      }
      return text;
    }
    if (value instanceof Duration duration) {
      return duration.toString();
    }
    if (value instanceof Double d) {
      return formatDouble(d);
    }
    if (value instanceof Float f) {
      return formatDouble(f.doubleValue());
    }
    if (value instanceof List<?> list) {
      StringBuilder text = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        text.append(i == 0 ? "" : ", ").append(itemText(list.get(i)));
      }
      return text.append(']').toString();
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder text = new StringBuilder("{");
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        text.append(first ? "" : ", ").append(itemText(entry.getKey())).append('=')
            .append(itemText(entry.getValue()));
        first = false;
      }
      return text.append('}').toString();
    }
    return value.toString();
  }

  private static String itemText(Object value) {
    return value == null ? "NULL" : toText(value);
  }

  private static String formatDouble(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value) + ".0";
    }
    return Double.toString(value);
  }
}
