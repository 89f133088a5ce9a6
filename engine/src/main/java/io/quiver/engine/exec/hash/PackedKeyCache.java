package io.quiver.engine.exec.hash;

import io.quiver.engine.exec.batch.BitBuffers;
import io.quiver.engine.exec.batch.Validity;
import java.util.Arrays;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;

/**
 * A cache in front of a {@link GroupTable} for grouping keys that fit in 64 bits: small
 * integers, dates, booleans and short strings (codes, flags), alone or together. Each row's key
 * is packed into one long, column at a time, and looked up in an open-addressing table of longs;
 * only a key the cache has not seen is encoded ({@link KeyEncoder}) and found or inserted in the
 * group table, which stays the one source of groups and their key values. This replaces, for
 * such keys, the per-row byte encoding, byte hashing and byte comparison with a few shifts and
 * one long comparison.
 *
 * <p>The packing layout is fixed by the first batch: per column a null bit (for nullable
 * fields), and the value's bits (a fixed width's bytes; for a string, its length and up to the
 * first batch's longest length in bytes, at most 7). A layout over 64 bits disables the cache;
 * a later batch with a longer string is grouped through the encoder alone. Either way the groups
 * are the same.
 */
public final class PackedKeyCache {
  private static final int MAX_STRING_BYTES = 7;

  private boolean decided;
  private boolean disabled;
  /** Per column: whether it has a null bit, its value bits, and for strings the length bits. */
  private boolean[] nullBit;
  private int[] valueBits;
  private int[] lengthBits;
  private boolean[] string;
  private long[] packed = new long[1024];
  private long[] keys = new long[1024];
  private int[] groupsPlusOne = new int[1024];
  private int mask = 1023;
  private int size;

  /**
   * Assigns the group id of each of the first {@code rows} rows of {@code columns} into {@code
   * groupIds}, through the cache, and returns true; returns false without assigning anything
   * when this batch's keys do not pack (the caller then encodes them itself).
   */
  public boolean assign(FieldVector[] columns, int rows, KeyEncoder encoder, GroupTable table,
      int[] groupIds) {
    if (!decided) {
      decide(columns, rows);
    }
    if (disabled || !pack(columns, rows)) {
      return false;
    }
    boolean encoded = false;
    long[] rowKeys = packed;
    for (int row = 0; row < rows; row++) {
      long key = rowKeys[row];
      int slot = slot(key);
      int group;
      while (true) {
        int entry = groupsPlusOne[slot];
        if (entry == 0) {
          if (!encoded) {
            encoder.encode(columns, rows);
            encoded = true;
          }
          group = table.findOrInsert(encoder.bytes(), encoder.offset(row), encoder.length(row),
              encoder.hash(row));
          insert(slot, key, group);
          break;
        }
        if (keys[slot] == key) {
          group = entry - 1;
          break;
        }
        slot = (slot + 1) & mask;
      }
      groupIds[row] = group;
    }
    return true;
  }

  private void decide(FieldVector[] columns, int rows) {
    decided = true;
    int n = columns.length;
    nullBit = new boolean[n];
    valueBits = new int[n];
    lengthBits = new int[n];
    string = new boolean[n];
    int total = 0;
    for (int k = 0; k < n; k++) {
      FieldVector column = columns[k];
      nullBit[k] = column.getField().isNullable();
      if (column instanceof BitVector) {
        valueBits[k] = 1;
      } else if (column instanceof BaseVariableWidthVector variable) {
        int longest = 0;
        long offsets = variable.getOffsetBufferAddress();
        for (int row = 0; row < rows; row++) {
          longest = Math.max(longest, MemoryUtil.getInt(offsets + 4L * row + 4)
              - MemoryUtil.getInt(offsets + 4L * row));
        }
        if (longest > MAX_STRING_BYTES) {
          disabled = true;
          return;
        }
        string[k] = true;
        lengthBits[k] = 32 - Integer.numberOfLeadingZeros(longest);
        valueBits[k] = 8 * longest + lengthBits[k];
      } else if (column instanceof BaseFixedWidthVector fixed && !(column instanceof Float4Vector)
          && !(column instanceof Float8Vector) && !(column instanceof DecimalVector)
          && Integer.bitCount(fixed.getTypeWidth()) == 1 && fixed.getTypeWidth() <= 8) {
        // widths 1, 2, 4 or 8 bytes; floating point keys need canonical NaN and -0.0, which
        // the encoder handles
        valueBits[k] = 8 * fixed.getTypeWidth();
      } else {
        disabled = true;
        return;
      }
      total += valueBits[k] + (nullBit[k] ? 1 : 0);
    }
    disabled = total > 64;
  }

  /** Packs every row's key into {@link #packed}; false when a value does not fit the layout. */
  private boolean pack(FieldVector[] columns, int rows) {
    if (packed.length < rows) {
      packed = new long[rows];
    }
    long[] out = packed;
    Arrays.fill(out, 0, rows, 0L);
    int shift = 0;
    for (int k = 0; k < columns.length; k++) {
      FieldVector column = columns[k];
      int bits = valueBits[k];
      if (string[k]) {
        if (!packStrings((BaseVariableWidthVector) column, rows, shift, lengthBits[k],
            (bits - lengthBits[k]) / 8)) {
          return false;
        }
      } else if (column instanceof BitVector) {
        long data = column.getDataBufferAddress();
        for (int row = 0; row < rows; row++) {
          out[row] |= (long) BitBuffers.get(data, row) << shift;
        }
      } else {
        packFixed(column, rows, shift, bits);
      }
      shift += bits;
      if (nullBit[k]) {
        long validity = Validity.addressIfNulls(column);
        if (validity != 0) {
          long valueMask = bits == 64 ? -1L : ((1L << bits) - 1) << (shift - bits);
          for (int row = 0; row < rows; row++) {
            if (!BitBuffers.isSet(validity, row)) {
              // a NULL: its null bit, and no value bits (whatever the buffer holds)
              out[row] = (out[row] & ~valueMask) | (1L << shift);
            }
          }
        }
        shift++;
      }
    }
    return true;
  }

  private void packFixed(FieldVector column, int rows, int shift, int bits) {
    long[] out = packed;
    long data = column.getDataBufferAddress();
    switch (bits) {
      case 8 -> {
        for (int row = 0; row < rows; row++) {
          out[row] |= (MemoryUtil.getByte(data + row) & 0xFFL) << shift;
        }
      }
      case 16 -> {
        for (int row = 0; row < rows; row++) {
          out[row] |= (MemoryUtil.getShort(data + 2L * row) & 0xFFFFL) << shift;
        }
      }
      case 32 -> {
        for (int row = 0; row < rows; row++) {
          out[row] |= (MemoryUtil.getInt(data + 4L * row) & 0xFFFF_FFFFL) << shift;
        }
      }
      default -> {
        // 64 bits: the only column, not nullable
        for (int row = 0; row < rows; row++) {
          out[row] = MemoryUtil.getLong(data + 8L * row);
        }
      }
    }
  }

  private boolean packStrings(BaseVariableWidthVector column, int rows, int shift,
      int lengthBitCount, int maxBytes) {
    long[] out = packed;
    long offsets = column.getOffsetBufferAddress();
    long data = column.getDataBufferAddress();
    // values starting 8 or more bytes before the end of the buffer are read as one word
    long wordEnd = column.getDataBuffer().capacity() - 8;
    for (int row = 0; row < rows; row++) {
      int start = MemoryUtil.getInt(offsets + 4L * row);
      int length = MemoryUtil.getInt(offsets + 4L * row + 4) - start;
      if (length > maxBytes || length < 0) {
        return false;
      }
      long value;
      if (start <= wordEnd) {
        value = length == 0 ? 0 : MemoryUtil.getLong(data + start) & (-1L >>> (64 - 8 * length));
      } else {
        value = 0;
        for (int i = 0; i < length; i++) {
          value |= (MemoryUtil.getByte(data + start + i) & 0xFFL) << (8 * i);
        }
      }
      out[row] |= (length | value << lengthBitCount) << shift;
    }
    return true;
  }

  private int slot(long key) {
    return (int) KeyEncoder.mix(key) & mask;
  }

  private void insert(int slot, long key, int group) {
    keys[slot] = key;
    groupsPlusOne[slot] = group + 1;
    size++;
    if (size * 2 > keys.length) {
      long[] oldKeys = keys;
      int[] oldGroups = groupsPlusOne;
      keys = new long[oldKeys.length * 2];
      groupsPlusOne = new int[oldKeys.length * 2];
      mask = keys.length - 1;
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldGroups[i] != 0) {
          int at = slot(oldKeys[i]);
          while (groupsPlusOne[at] != 0) {
            at = (at + 1) & mask;
          }
          keys[at] = oldKeys[i];
          groupsPlusOne[at] = oldGroups[i];
        }
      }
    }
  }
}
