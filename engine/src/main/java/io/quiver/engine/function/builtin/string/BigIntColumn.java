package io.quiver.engine.function.builtin.string;

import io.quiver.engine.exec.batch.Validity;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/**
 * A BIGINT argument (a count or a width) read in place by address, as {@link Utf8Column} reads
 * a VARCHAR one. One per argument per batch; the vector stays the host's.
 */
final class BigIntColumn {
  private final long data;
  private final long validity;

  BigIntColumn(FieldVector vector) {
    BigIntVector values = (BigIntVector) vector;
    data = values.getDataBufferAddress();
    validity = Validity.addressIfNulls(values);
  }

  boolean isNull(int row) {
    return Validity.isNull(validity, row);
  }

  /** The value of {@code row} (any value where the row is NULL). */
  long get(int row) {
    return MemoryUtil.getLong(data + 8L * row);
  }
}
