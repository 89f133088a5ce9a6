package io.quiver.engine.source.parquet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A reusable staging area for decoded Parquet values of one physical type, before they are
 * converted into an Arrow vector. Fixed-width values (BOOLEAN as one byte 0/1, INT32, INT64,
 * INT96, FLOAT, DOUBLE, FIXED_LEN_BYTE_ARRAY) sit little-endian back to back in {@link #bytes()}
 * at {@code width} bytes each; BYTE_ARRAY values sit back to back with {@code count + 1}
 * offsets. Plain arrays, grown geometrically, never a boxed value.
 */
final class PhysicalValues {
  static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class,
      ByteOrder.LITTLE_ENDIAN);
  static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class,
      ByteOrder.LITTLE_ENDIAN);

  /** Bytes per value, or -1 for variable-length BYTE_ARRAY values. */
  private final int width;
  private byte[] bytes = new byte[1024];
  private int[] offsets = new int[65];
  private int count;
  private int length;

  PhysicalValues(int width) {
    this.width = width;
  }

  int width() {
    return width;
  }

  boolean variableWidth() {
    return width < 0;
  }

  int count() {
    return count;
  }

  byte[] bytes() {
    return bytes;
  }

  /** Offsets of variable-width values: value i is bytes[offsets[i], offsets[i + 1]). */
  int[] offsets() {
    return offsets;
  }

  /** Bytes in use. */
  int length() {
    return length;
  }

  void clear() {
    count = 0;
    length = 0;
    offsets[0] = 0;
  }

  /** Makes room for {@code extraBytes} more bytes and returns the write position. */
  int reserveBytes(long extraBytes) {
    long needed = length + extraBytes;
    if (needed > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("a batch of Parquet values needs more than 2 GB");
    }
    if (needed > bytes.length) {
      bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 16,
          Math.max(needed, bytes.length * 2L)));
    }
    return length;
  }

  /** Fixed width: reserves room for n values, returns the byte position to write at. */
  int reserveFixed(int n) {
    return reserveBytes((long) n * width);
  }

  /** Fixed width: records that n values were written at the reserved position. */
  void commitFixed(int n) {
    count += n;
    length += n * width;
  }

  /** Variable width: appends one value copied from {@code source}. */
  void appendVariable(byte[] source, int offset, int size) {
    int position = reserveBytes(size);
    System.arraycopy(source, offset, bytes, position, size);
    length += size;
    endVariable();
  }

  /** Variable width: records that the bytes written since the last value end one value. */
  void endVariable() {
    if (count + 2 > offsets.length) {
      offsets = Arrays.copyOf(offsets, Math.max(count + 2, offsets.length * 2));
    }
    count++;
    offsets[count] = length;
  }

  /** Variable width: makes room for {@code n} more values' end offsets in {@link #offsets()}. */
  void reserveValues(int n) {
    if ((long) count + n + 1 > offsets.length) {
      if ((long) count + n + 1 > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("a batch of Parquet values has more than 2^31 values");
      }
      offsets = Arrays.copyOf(offsets, Math.max(count + n + 1, offsets.length * 2));
    }
  }

  /**
   * Variable width: records {@code n} values written in bulk: their bytes ({@code bytes} in all)
   * at the reserved position, their end offsets in {@code offsets()[count() + 1 ..]}.
   */
  void commitVariable(int n, int bytes) {
    count += n;
    length += bytes;
  }

  /** Variable width: marks {@code size} bytes at the reserved position as written. */
  void advance(int size) {
    length += size;
  }

  /**
   * Variable-width values of at most 8 bytes each, as one little-endian word per value (the
   * bytes past its size zero) and its size: a dictionary's entries, which a writer then moves
   * one word per row without a copy call.
   */
  record ShortEntries(long[] words, int[] sizes) {}

  private ShortEntries shortEntries;
  /** The count and length {@link #shortEntries} was computed at; -1: not computed. */
  private int shortEntriesCount = -1;
  private int shortEntriesLength = -1;

  /**
   * This variable-width buffer's values as {@link ShortEntries}, or null when one is longer
   * than 8 bytes. Computed once while the values stay as they are (a dictionary page's).
   */
  ShortEntries shortEntries() {
    if (shortEntriesCount == count && shortEntriesLength == length) {
      return shortEntries;
    }
    shortEntriesCount = count;
    shortEntriesLength = length;
    shortEntries = null;
    long[] words = new long[count];
    int[] sizes = new int[count];
    for (int i = 0; i < count; i++) {
      int from = offsets[i];
      int size = offsets[i + 1] - from;
      if (size > 8) {
        return null;
      }
      long word = 0;
      for (int b = 0; b < size; b++) {
        word |= (bytes[from + b] & 0xFFL) << (8 * b);
      }
      words[i] = word;
      sizes[i] = size;
    }
    shortEntries = new ShortEntries(words, sizes);
    return shortEntries;
  }

  int getInt(int index) {
    return (int) INT.get(bytes, index * width);
  }

  long getLong(int index) {
    return (long) LONG.get(bytes, index * width);
  }
}
