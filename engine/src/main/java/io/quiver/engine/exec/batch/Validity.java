package io.quiver.engine.exec.batch;

import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * Null counts read from the validity bitmap 64 bits at a time. Arrow's
 * {@code getNullCount()} is not cached and counts byte by byte through bounds-checked reads,
 * which showed up as the hottest frame of TPC-H Q1 when called per batch and column.
 */
public final class Validity {
  private Validity() {}

  public static int nullCount(FieldVector vector) {
    int count = vector.getValueCount();
    if (count == 0) {
      return 0;
    }
    if (vector instanceof NullVector) {
      return count;
    }
    long address = vector.getValidityBufferAddress();
    int set = 0;
    int words = count >>> 6;
    for (int i = 0; i < words; i++) {
      set += Long.bitCount(MemoryUtil.getLong(address + 8L * i));
    }
    for (int row = words << 6; row < count; row++) {
      set += (MemoryUtil.getByte(address + (row >>> 3)) >>> (row & 7)) & 1;
    }
    return count - set;
  }

  /** The validity address, or 0 when the vector has no NULLs (so per-row checks can skip). */
  public static long addressIfNulls(FieldVector vector) {
    return nullCount(vector) == 0 ? 0 : vector.getValidityBufferAddress();
  }

  /**
   * Whether {@code row} is NULL, given the address from {@link #addressIfNulls} (0: the vector
   * has no NULLs).
   */
  public static boolean isNull(long address, int row) {
    return address != 0 && ((MemoryUtil.getByte(address + (row >>> 3)) >>> (row & 7)) & 1) == 0;
  }
}
