package io.quiver.engine.function.builtin.aggregate;

import io.quiver.engine.exec.batch.BitBuffers;
import io.quiver.engine.exec.batch.Validity;
import java.util.Arrays;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * Reading and writing the state vectors of the built-in accumulators ({@code writeState} and
 * {@code merge}): row lists and 128-bit integers stored in DECIMAL(38, s) columns. State is
 * written and merged once per group, not per input row, so these favour clarity.
 */
final class StateRows {
  private StateRows() {}

  /** The rows {@code [0, rowCount)} of {@code vector} that are not NULL, in order. */
  static int[] nonNull(FieldVector vector, int rowCount) {
    if (vector instanceof NullVector) {
      return new int[0];
    }
    int[] rows = new int[rowCount];
    long validity = Validity.addressIfNulls(vector);
    int count = 0;
    for (int row = 0; row < rowCount; row++) {
      rows[count] = row;
      count += BitBuffers.isNull(validity, row) ? 0 : 1;
    }
    return count == rowCount ? rows : Arrays.copyOf(rows, count);
  }

  /** Writes the 128-bit two's-complement integer {@code (high, low)} as row {@code row}. */
  static void put128(DecimalVector vector, int row, long low, long high) {
    long data = vector.getDataBufferAddress();
    MemoryUtil.putLong(data + 16L * row, low);
    MemoryUtil.putLong(data + 16L * row + 8, high);
    BitBuffers.setBit(vector.getValidityBufferAddress(), row);
  }

  static long low(DecimalVector vector, int row) {
    return MemoryUtil.getLong(vector.getDataBufferAddress() + 16L * row);
  }

  static long high(DecimalVector vector, int row) {
    return MemoryUtil.getLong(vector.getDataBufferAddress() + 16L * row + 8);
  }
}
