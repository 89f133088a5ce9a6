package io.quiver.engine.exec.sort;

import org.apache.arrow.memory.util.MemoryUtil;

/** The value orders shared by the comparators (PostgreSQL's, see {@link ColumnComparators}). */
public final class ValueOrder {
  private ValueOrder() {}

  /**
   * Compares {@code leftLength} bytes at {@code left} with {@code rightLength} bytes at
   * {@code right} as unsigned bytes, then by length; eight bytes at a time.
   */
  public static int compareBytes(long left, int leftLength, long right, int rightLength) {
    int common = Math.min(leftLength, rightLength);
    int i = 0;
    for (; i + 8 <= common; i += 8) {
      long a = MemoryUtil.getLong(left + i);
      long b = MemoryUtil.getLong(right + i);
      if (a != b) {
        if (MemoryUtil.LITTLE_ENDIAN) {
          a = Long.reverseBytes(a);
          b = Long.reverseBytes(b);
        }
        return Long.compareUnsigned(a, b);
      }
    }
    for (; i < common; i++) {
      int a = MemoryUtil.getByte(left + i) & 0xff;
      int b = MemoryUtil.getByte(right + i) & 0xff;
      if (a != b) {
        return a - b;
      }
    }
    return Integer.compare(leftLength, rightLength);
  }

  /** PostgreSQL's order of doubles: NaN above everything, -0.0 equal to 0.0. */
  public static int compareDoubles(double a, double b) {
    if (a < b) {
      return -1;
    }
    if (a > b) {
      return 1;
    }
    if (a == b) {
      return 0;
    }
    boolean aNaN = a != a;
    boolean bNaN = b != b;
    return aNaN ? (bNaN ? 0 : 1) : -1;
  }
}
