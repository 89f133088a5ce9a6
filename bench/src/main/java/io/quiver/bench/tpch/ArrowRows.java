package io.quiver.bench.tpch;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;

/**
 * A cached TPC-H table read into rows of Java values, for the row engines (Calcite, H2): INTEGER
 * as Integer, BIGINT as Long, DECIMAL as BigDecimal, VARCHAR as String, DATE as Integer days
 * since 1970-01-01 (Calcite's internal representation). Repeated values of a column share one
 * object while the column has few distinct values, which keeps SF 1 within a few GiB of heap.
 */
final class ArrowRows {
  private static final int MAX_SHARED_VALUES = 1 << 16;

  private ArrowRows() {}

  /** Every row of table {@code name} in {@code cache}. */
  static List<Object[]> read(TpchDataCache cache, String name, BufferAllocator allocator)
      throws IOException {
    List<Object[]> rows = new ArrayList<>();
    try (ArrowFileReader reader = cache.open(name, allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      int columns = root.getFieldVectors().size();
      List<Map<Object, Object>> shared = new ArrayList<>();
      for (int column = 0; column < columns; column++) {
        shared.add(new HashMap<>());
      }
      while (reader.loadNextBatch()) {
        int count = root.getRowCount();
        int first = rows.size();
        for (int row = 0; row < count; row++) {
          rows.add(new Object[columns]);
        }
        for (int column = 0; column < columns; column++) {
          FieldVector vector = root.getVector(column);
          Map<Object, Object> values = shared.get(column);
          for (int row = 0; row < count; row++) {
            Object value = vector.isNull(row) ? null : value(vector, row);
            if (value != null && values != null) {
              Object known = values.putIfAbsent(value, value);
              if (known != null) {
                value = known;
              } else if (values.size() > MAX_SHARED_VALUES) {
                values = null;
                shared.set(column, null);
              }
            }
            rows.get(first + row)[column] = value;
          }
        }
      }
    }
    return rows;
  }

  private static Object value(FieldVector vector, int row) {
    if (vector instanceof IntVector ints) {
      return ints.get(row);
    }
    if (vector instanceof BigIntVector longs) {
      return longs.get(row);
    }
    if (vector instanceof DecimalVector decimals) {
      BigDecimal value = decimals.getObject(row);
      return value;
    }
    if (vector instanceof DateDayVector dates) {
      return dates.get(row);
    }
    if (vector instanceof VarCharVector strings) {
      return new String(strings.get(row), StandardCharsets.UTF_8);
    }
    throw new IllegalStateException("unexpected TPC-H column type " + vector.getField());
  }
}
