package io.quiver.engine.exec.sort;

import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/**
 * Order-preserving 64-bit prefixes of sort-key values: for two non-null values {@code a} and
 * {@code b} of one column, {@code prefix(a) < prefix(b)} (signed) implies {@code a < b} in
 * the column's order ({@link ColumnComparators}); for <em>exact</em> types equal prefixes also
 * mean equal values, for the others (strings: their first eight bytes; DECIMAL: the value
 * clamped to 64 bits) equal prefixes need a full comparison. Sorting prefixes moves through
 * memory sequentially instead of jumping to the values of random rows.
 */
final class SortPrefix {
  private static final int NOT_SUPPORTED = 0;
  private static final int EXACT = 1;
  private static final int APPROXIMATE = 2;

  private SortPrefix() {}

  /** {@code EXACT}, {@code APPROXIMATE} or {@code NOT_SUPPORTED} for the vector's type. */
  static int kind(FieldVector vector) {
    return switch (vector.getMinorType()) {
      case BIT, TINYINT, SMALLINT, INT, DATEDAY, INTERVALYEAR, BIGINT, TIMEMICRO,
          TIMESTAMPMICRO, TIMESTAMPMICROTZ, DATEMILLI, TIMESTAMPMILLI, TIMESTAMPNANO,
          TIMESTAMPSEC, FLOAT4, FLOAT8, INTERVALDAY -> EXACT;
      case VARCHAR, VARBINARY, DECIMAL -> APPROXIMATE;
      default -> NOT_SUPPORTED;
    };
  }

  static boolean isExact(int kind) {
    return kind == EXACT;
  }

  static boolean isSupported(int kind) {
    return kind != NOT_SUPPORTED;
  }

  /**
   * Sets {@code prefixes[i]} to the prefix of row {@code rows[i]} (non-null rows) for
   * {@code i < count}, negated bitwise when {@code descending} (which reverses the order).
   */
  static void fill(FieldVector vector, int[] rows, int count, boolean descending,
      long[] prefixes) {
    long data = vector.getDataBufferAddress();
    switch (vector.getMinorType()) {
      case BIT -> {
        for (int i = 0; i < count; i++) {
          int row = rows[i];
          prefixes[i] = (MemoryUtil.getByte(data + (row >>> 3)) >>> (row & 7)) & 1;
        }
      }
      case TINYINT -> {
        for (int i = 0; i < count; i++) {
          prefixes[i] = MemoryUtil.getByte(data + rows[i]);
        }
      }
      case SMALLINT -> {
        for (int i = 0; i < count; i++) {
          prefixes[i] = MemoryUtil.getShort(data + 2L * rows[i]);
        }
      }
      case INT, DATEDAY, INTERVALYEAR -> {
        for (int i = 0; i < count; i++) {
          prefixes[i] = MemoryUtil.getInt(data + 4L * rows[i]);
        }
      }
      case FLOAT4 -> {
        for (int i = 0; i < count; i++) {
          prefixes[i] =
              doublePrefix(Float.intBitsToFloat(MemoryUtil.getInt(data + 4L * rows[i])));
        }
      }
      case FLOAT8 -> {
        for (int i = 0; i < count; i++) {
          prefixes[i] =
              doublePrefix(Double.longBitsToDouble(MemoryUtil.getLong(data + 8L * rows[i])));
        }
      }
      case INTERVALDAY -> {
        for (int i = 0; i < count; i++) {
          long address = data + 8L * rows[i];
          prefixes[i] = MemoryUtil.getInt(address) * 86_400_000L + MemoryUtil.getInt(address + 4);
        }
      }
      case DECIMAL -> {
        for (int i = 0; i < count; i++) {
          long address = data + 16L * rows[i];
          long low = MemoryUtil.getLong(address);
          long high = MemoryUtil.getLong(address + 8);
          prefixes[i] = high == (low >> 63) ? low : high < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
      }
      case VARCHAR, VARBINARY -> {
        long offsets = vector.getOffsetBufferAddress();
        int skip = commonPrefixLength(data, offsets, rows, count);
        for (int i = 0; i < count; i++) {
          prefixes[i] = bytesPrefix(data, offsets, rows[i], skip);
        }
      }
      default -> {
        for (int i = 0; i < count; i++) {
          prefixes[i] = MemoryUtil.getLong(data + 8L * rows[i]);
        }
      }
    }
    if (descending) {
      for (int i = 0; i < count; i++) {
        prefixes[i] = ~prefixes[i];
      }
    }
  }

  /** Doubles in PostgreSQL's order: -0.0 equals 0.0, NaN above everything. */
  static long doublePrefix(double value) {
    if (value == 0.0) {
      value = 0.0;
    }
    long bits = Double.doubleToLongBits(value);
    return bits < 0 ? bits ^ Long.MAX_VALUE : bits;
  }

  /**
   * The length of the prefix all listed values share (strings such as {@code Customer#000012}
   * would otherwise have equal prefixes); the sort prefix starts after it.
   */
  private static int commonPrefixLength(long data, long offsets, int[] rows, int count) {
    if (count == 0) {
      return 0;
    }
    int referenceStart = MemoryUtil.getInt(offsets + 4L * rows[0]);
    long reference = data + referenceStart;
    int common = MemoryUtil.getInt(offsets + 4L * rows[0] + 4) - referenceStart;
    for (int i = 1; i < count && common > 0; i++) {
      int start = MemoryUtil.getInt(offsets + 4L * rows[i]);
      int length = Math.min(common, MemoryUtil.getInt(offsets + 4L * rows[i] + 4) - start);
      long value = data + start;
      int same = 0;
      while (same + 8 <= length
          && MemoryUtil.getLong(value + same) == MemoryUtil.getLong(reference + same)) {
        same += 8;
      }
      while (same < length && MemoryUtil.getByte(value + same)
          == MemoryUtil.getByte(reference + same)) {
        same++;
      }
      common = same;
    }
    return common;
  }

  /**
   * Eight bytes from {@code skip} on, big-endian, zero-padded, made signed-comparable (all
   * values share their first {@code skip} bytes).
   */
  private static long bytesPrefix(long data, long offsets, int row, int skip) {
    int start = MemoryUtil.getInt(offsets + 4L * row) + skip;
    int length = MemoryUtil.getInt(offsets + 4L * row + 4) - start;
    long address = data + start;
    long prefix;
    if (length >= 8) {
      prefix = MemoryUtil.getLong(address);
      if (MemoryUtil.LITTLE_ENDIAN) {
        prefix = Long.reverseBytes(prefix);
      }
    } else {
      prefix = 0;
      for (int i = 0; i < length; i++) {
        prefix |= (MemoryUtil.getByte(address + i) & 0xffL) << (56 - 8 * i);
      }
    }
    return prefix ^ Long.MIN_VALUE;
  }
}
