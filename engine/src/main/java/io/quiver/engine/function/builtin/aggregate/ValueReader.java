package io.quiver.engine.function.builtin.aggregate;

import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;

/**
 * Reads fixed-width values by address, by type width, without boxing. Width 0 stands for a
 * {@link BitVector} (one bit per value); width 16 reads the low 64 bits of a DECIMAL.
 */
final class ValueReader {
  private ValueReader() {}

  /** The value width in bytes, 0 for booleans. */
  static int width(FieldVector vector) {
    if (vector instanceof BitVector) {
      return 0;
    }
    return ((BaseFixedWidthVector) vector).getTypeWidth();
  }

  /** An integer-like value (also the low 64 bits of a DECIMAL, and booleans as 0/1). */
  static long readLong(long data, int width, int row) {
    switch (width) {
      case 0: return (MemoryUtil.getByte(data + (row >>> 3)) >>> (row & 7)) & 1;
      case 1: return MemoryUtil.getByte(data + row);
      case 2: return MemoryUtil.getShort(data + 2L * row);
      case 4: return MemoryUtil.getInt(data + 4L * row);
      case 16: return MemoryUtil.getLong(data + 16L * row);
      default: return MemoryUtil.getLong(data + 8L * row);
    }
  }

  /** A REAL or DOUBLE value as a double. */
  static double readDouble(FieldVector vector, long data, int row) {
    if (vector instanceof Float8Vector) {
      return Double.longBitsToDouble(MemoryUtil.getLong(data + 8L * row));
    }
    if (vector instanceof Float4Vector) {
      return Float.intBitsToFloat(MemoryUtil.getInt(data + 4L * row));
    }
    throw new IllegalStateException("not a floating-point vector: " + vector.getField());
  }
}
