package io.quiver.engine.catalog;

import java.util.List;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Exact distinct counts of integer columns of in-memory batches (for join estimates and keys). */
final class DistinctCounts {
  private static final long MAX_ROWS = 1L << 28;

  private DistinctCounts() {}

  /**
   * The exact number of distinct non-NULL values of an INTEGER or BIGINT column, or -1 for
   * other types (or tables too large to count).
   */
  static double distinctCount(List<VectorSchemaRoot> batches, int column, long rows) {
    if (rows == 0) {
      return 0;
    }
    if (rows > MAX_ROWS) {
      return -1;
    }
    for (VectorSchemaRoot batch : batches) {
      FieldVector vector = batch.getVector(column);
      if (!(vector instanceof IntVector || vector instanceof BigIntVector)) {
        return -1;
      }
    }
    int capacity = Integer.highestOneBit((int) Math.max(2, rows * 2 - 1)) << 1;
    long[] slots = new long[capacity];
    boolean[] used = new boolean[capacity];
    int mask = capacity - 1;
    long distinct = 0;
    for (VectorSchemaRoot batch : batches) {
      FieldVector vector = batch.getVector(column);
      boolean wide = vector instanceof BigIntVector;
      long data = vector.getDataBufferAddress();
      for (int row = 0, count = batch.getRowCount(); row < count; row++) {
        if (vector.isNull(row)) {
          continue;
        }
        long value = wide ? MemoryUtil.getLong(data + 8L * row)
            : MemoryUtil.getInt(data + 4L * row);
        long hash = value * 0x9E3779B97F4A7C15L;
        int slot = (int) (hash ^ (hash >>> 29)) & mask;
        while (used[slot] && slots[slot] != value) {
          slot = (slot + 1) & mask;
        }
        if (!used[slot]) {
          used[slot] = true;
          slots[slot] = value;
          distinct++;
        }
      }
    }
    return distinct;
  }
}
