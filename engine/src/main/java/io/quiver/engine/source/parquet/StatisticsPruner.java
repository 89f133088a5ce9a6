package io.quiver.engine.source.parquet;

import io.quiver.udf.function.ColumnPredicate;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Statistics;

/**
 * Decides from a row group's column statistics (min, max, null count) whether it can hold a
 * row that satisfies every pushed predicate. Values compare in the column's logical domain:
 * numbers as decimals, dates as days, timestamps as microseconds, strings as unsigned UTF-8
 * bytes. The legacy {@code min}/{@code max} fields are used only for signed numeric columns;
 * NaN bounds, unsigned 64-bit and binary columns, and any doubt mean "may match".
 */
final class StatisticsPruner {
  private StatisticsPruner() {}

  /**
   * @param columns the file's column for each predicate's column index (null when the file
   *     lacks it)
   */
  static boolean mayMatch(RowGroup group, List<ColumnPredicate> predicates,
      ParquetColumn[] columns) {
    for (ColumnPredicate predicate : predicates) {
      ParquetColumn column = flatColumn(predicate, columns, group);
      if (column == null) {
        continue;
      }
      ColumnChunk chunk = group.getColumns().get(column.chunkIndex());
      ColumnMetaData metadata = chunk.getMeta_data();
      if (metadata == null || !metadata.isSetStatistics()) {
        continue;
      }
      if (!mayMatch(predicate, column, metadata.getStatistics(), metadata.getNum_values())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The flat column {@code predicate} is on, when {@code group} has its chunk; null when the
   * predicate cannot prune (a column the file lacks, a nested or struct column).
   */
  static ParquetColumn flatColumn(ColumnPredicate predicate, ParquetColumn[] columns,
      RowGroup group) {
    int index = predicate.column();
    if (index < 0 || index >= columns.length || columns[index] == null
        || columns[index].nested() || columns[index].conversion() == Conversion.STRUCT) {
      return null;
    }
    ParquetColumn column = columns[index];
    if (group.getColumns() == null || column.chunkIndex() >= group.getColumns().size()) {
      return null;
    }
    return column;
  }

  private static boolean mayMatch(ColumnPredicate predicate, ParquetColumn column,
      Statistics statistics, long values) {
    long nulls = statistics.isSetNull_count() ? statistics.getNull_count() : -1;
    boolean exact = statistics.isSetMin_value() && statistics.isSetMax_value();
    byte[] minBytes = exact ? statistics.getMin_value() : legacy(column) ? statistics.getMin()
        : null;
    byte[] maxBytes = exact ? statistics.getMax_value() : legacy(column) ? statistics.getMax()
        : null;
    return mayMatch(predicate, column, minBytes, maxBytes, nulls, values);
  }

  /**
   * Whether a run of {@code values} values of {@code column} (a row group's chunk, or one page
   * of the page index) can hold one satisfying {@code predicate}, given its encoded bounds in
   * the column's sort order ({@code minBytes}/{@code maxBytes}, null when unknown) and its null
   * count ({@code nulls}, -1 when unknown). Any doubt means "may match".
   */
  static boolean mayMatch(ColumnPredicate predicate, ParquetColumn column, byte[] minBytes,
      byte[] maxBytes, long nulls, long values) {
    switch (predicate.operator()) {
      case IS_NULL:
        return nulls != 0;
      case IS_NOT_NULL:
        return nulls < 0 || nulls < values;
      default:
        break;
    }
    if (nulls >= 0 && nulls == values && values > 0) {
      return false; // only nulls: no comparison is true
    }
    if (minBytes == null || maxBytes == null) {
      return true;
    }
    Object min = decode(column, minBytes);
    Object max = decode(column, maxBytes);
    if (min == null || max == null) {
      return true;
    }
    switch (predicate.operator()) {
      case EQUAL:
        return within(column, predicate.value(), min, max);
      case IN:
        for (Object value : predicate.values()) {
          if (within(column, value, min, max)) {
            return true;
          }
        }
        return false;
      case NOT_EQUAL: {
        Object value = key(column, predicate.value());
        return value == null || compare(min, value) != 0 || compare(max, value) != 0
            || nulls != 0;
      }
      case LESS_THAN: {
        Object value = key(column, predicate.value());
        return value == null || compare(min, value) < 0;
      }
      case LESS_THAN_OR_EQUAL: {
        Object value = key(column, predicate.value());
        return value == null || compare(min, value) <= 0;
      }
      case GREATER_THAN: {
        Object value = key(column, predicate.value());
        return value == null || compare(max, value) > 0;
      }
      case GREATER_THAN_OR_EQUAL: {
        Object value = key(column, predicate.value());
        return value == null || compare(max, value) >= 0;
      }
      default:
        return true;
    }
  }

  private static boolean within(ParquetColumn column, Object constant, Object min, Object max) {
    Object value = key(column, constant);
    return value == null || compare(min, value) <= 0 && compare(max, value) >= 0;
  }

  /**
   * Whether bounds in signed order (the deprecated min/max fields, or a page index written
   * without column orders) are trustworthy for the column.
   */
  static boolean legacy(ParquetColumn column) {
    switch (column.conversion()) {
      case INT8:
      case INT16:
      case INT32:
      case INT64:
      case DECIMAL_INT32:
      case DECIMAL_INT64:
      case FLOAT:
      case DOUBLE:
      case DATE:
      case TIMESTAMP_MILLIS:
      case TIMESTAMP_MICROS:
      case TIMESTAMP_NANOS:
        return true;
      default:
        return false;
    }
  }

  /** A statistics bound in the comparison domain, or null when it cannot be used. */
  static Object decode(ParquetColumn column, byte[] bytes) {
    int scale = column.field().getType() instanceof org.apache.arrow.vector.types.pojo.ArrowType
        .Decimal decimal ? decimal.getScale() : 0;
    switch (column.conversion()) {
      case INT8:
      case INT16:
      case INT32:
        return bytes.length == 4 ? BigDecimal.valueOf((int) PhysicalValues.INT.get(bytes, 0))
            : null;
      case UINT8:
      case UINT16:
      case UINT32:
        return bytes.length == 4
            ? BigDecimal.valueOf((int) PhysicalValues.INT.get(bytes, 0) & 0xFFFFFFFFL) : null;
      case INT64:
        return bytes.length == 8 ? BigDecimal.valueOf((long) PhysicalValues.LONG.get(bytes, 0))
            : null;
      case DECIMAL_INT32:
        return bytes.length == 4
            ? BigDecimal.valueOf((int) PhysicalValues.INT.get(bytes, 0), scale) : null;
      case DECIMAL_INT64:
        return bytes.length == 8
            ? BigDecimal.valueOf((long) PhysicalValues.LONG.get(bytes, 0), scale) : null;
      case DECIMAL_BYTES:
        return bytes.length == 0 ? null : new BigDecimal(new BigInteger(bytes), scale);
      case FLOAT: {
        if (bytes.length != 4) {
          return null;
        }
        float value = Float.intBitsToFloat((int) PhysicalValues.INT.get(bytes, 0));
        return Float.isFinite(value) ? new BigDecimal(value) : null;
      }
      case DOUBLE: {
        if (bytes.length != 8) {
          return null;
        }
        double value = Double.longBitsToDouble((long) PhysicalValues.LONG.get(bytes, 0));
        return Double.isFinite(value) ? new BigDecimal(value) : null;
      }
      case DATE:
        return bytes.length == 4 ? (long) (int) PhysicalValues.INT.get(bytes, 0) : null;
      case TIMESTAMP_MILLIS:
        return bytes.length == 8 ? (long) PhysicalValues.LONG.get(bytes, 0) * 1000L : null;
      case TIMESTAMP_MICROS:
        return bytes.length == 8 ? (long) PhysicalValues.LONG.get(bytes, 0) : null;
      case TIMESTAMP_NANOS:
        return bytes.length == 8
            ? Math.floorDiv((long) PhysicalValues.LONG.get(bytes, 0), 1000L) : null;
      case STRING:
        return bytes;
      default:
        return null;
    }
  }

  /** A predicate constant in the column's comparison domain, or null when it does not fit. */
  static Object key(ParquetColumn column, Object value) {
    switch (column.conversion()) {
      case INT8:
      case INT16:
      case INT32:
      case UINT8:
      case UINT16:
      case UINT32:
      case INT64:
      case DECIMAL_INT32:
      case DECIMAL_INT64:
      case DECIMAL_BYTES:
      case FLOAT:
      case DOUBLE:
        if (value instanceof BigDecimal decimal) {
          return decimal;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short
            || value instanceof Byte) {
          return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
          double number = ((Number) value).doubleValue();
          return Double.isFinite(number) ? new BigDecimal(number) : null;
        }
        return null;
      case DATE:
        return value instanceof LocalDate date ? date.toEpochDay() : null;
      case TIMESTAMP_MILLIS:
      case TIMESTAMP_MICROS:
      case TIMESTAMP_NANOS:
        if (value instanceof LocalDateTime time) {
          return Math.addExact(Math.multiplyExact(time.toEpochSecond(ZoneOffset.UTC),
              1_000_000L), time.getNano() / 1000L);
        }
        if (value instanceof LocalDate date) {
          return Math.multiplyExact(date.toEpochDay(), 86_400_000_000L);
        }
        return null;
      case STRING:
        return value instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : null;
      default:
        return null;
    }
  }

  @SuppressWarnings("unchecked")
  static int compare(Object a, Object b) {
    if (a instanceof byte[] left && b instanceof byte[] right) {
      return java.util.Arrays.compareUnsigned(left, right);
    }
    return ((Comparable<Object>) a).compareTo(b);
  }
}
