package io.quiver.engine.exec.hash;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.NullVector;

/**
 * Encodes the key columns of a batch into one byte row per input row, column at a time, so
 * that hashing and equality work on bytes whatever the key types. Layout per column: a null
 * flag byte, then the value (fixed-width: its bytes; variable-width: a 4-byte length and the
 * bytes). Floating-point values are canonicalised (-0.0 as 0.0, one NaN) so that equal SQL
 * values encode equally. Buffers are reused across batches: no allocation per row.
 */
public final class KeyEncoder {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private byte[] bytes = new byte[1 << 16];
  private int[] offsets = new int[1025];
  private long[] hashes = new long[1024];
  private boolean[] hasNull = new boolean[1024];
  private int rowCount;

  /** Encodes rows {@code [0, rowCount)} of {@code columns}. */
  public void encode(FieldVector[] columns, int rowCount) {
    encode(columns, rowCount, null);
  }

  /**
   * Encodes rows {@code [0, rowCount)} of {@code columns}. Where {@code nullsMatch[k]} is true,
   * a NULL in column k does not mark the row as having a NULL key (IS NOT DISTINCT FROM).
   */
  public void encode(FieldVector[] columns, int rowCount, boolean[] nullsMatch) {
    this.rowCount = rowCount;
    if (offsets.length < rowCount + 1) {
      offsets = new int[rowCount + 1];
      hashes = new long[rowCount];
      hasNull = new boolean[rowCount];
    }
    Arrays.fill(hasNull, 0, rowCount, false);
    // pass 1: row lengths
    int fixed = 0;
    for (FieldVector column : columns) {
      fixed += 1 + (column instanceof BaseVariableWidthVector ? 4 : fixedWidth(column));
    }
    long total = (long) fixed * rowCount;
    for (FieldVector column : columns) {
      if (column instanceof BaseVariableWidthVector variable) {
        long offsetAddress = variable.getOffsetBufferAddress();
        total += MemoryUtil.getInt(offsetAddress + 4L * rowCount)
            - (long) MemoryUtil.getInt(offsetAddress);
      }
    }
    if (total > Integer.MAX_VALUE - 16) {
      throw new QuiverException(ErrorKind.RESOURCE,
          "a batch's join or grouping keys exceed 2 GiB; use a smaller batch size");
    }
    if (bytes.length < total) {
      bytes = new byte[(int) Math.max(total, bytes.length * 2L)];
    }
    // row start offsets
    int position = 0;
    boolean anyVariable = false;
    for (FieldVector column : columns) {
      anyVariable |= column instanceof BaseVariableWidthVector;
    }
    long[] validities = new long[columns.length];
    for (int k = 0; k < columns.length; k++) {
      validities[k] = io.quiver.engine.exec.batch.Validity.addressIfNulls(columns[k]);
    }
    if (!anyVariable) {
      for (int row = 0; row <= rowCount; row++) {
        offsets[row] = row * fixed;
      }
    } else {
      for (int row = 0; row < rowCount; row++) {
        offsets[row] = position;
        int length = fixed;
        for (int k = 0; k < columns.length; k++) {
          FieldVector column = columns[k];
          if (column instanceof BaseVariableWidthVector variable
              && (validities[k] == 0 || io.quiver.engine.exec.batch.BitBuffers.isSet(validities[k], row))) {
            long offsetAddress = variable.getOffsetBufferAddress();
            length += MemoryUtil.getInt(offsetAddress + 4L * row + 4)
                - MemoryUtil.getInt(offsetAddress + 4L * row);
          }
        }
        position += length;
      }
      offsets[rowCount] = position;
    }
    // pass 2: write column by column; cursor per row advances
    int[] cursor = cursorFor(rowCount);
    for (int k = 0; k < columns.length; k++) {
      writeColumn(columns[k], cursor, nullsMatch != null && nullsMatch[k]);
    }
    for (int row = 0; row < rowCount; row++) {
      hashes[row] = hashBytes(bytes, offsets[row], offsets[row + 1] - offsets[row]);
    }
  }

  private boolean[] ignored = new boolean[0];

  private boolean[] ignoredNulls(int rows) {
    if (ignored.length < rows) {
      ignored = new boolean[rows];
    }
    return ignored;
  }

  private int[] cursorScratch = new int[1024];

  private int[] cursorFor(int rowCount) {
    if (cursorScratch.length < rowCount) {
      cursorScratch = new int[rowCount];
    }
    System.arraycopy(offsets, 0, cursorScratch, 0, rowCount);
    return cursorScratch;
  }

  static int fixedWidth(FieldVector column) {
    if (column instanceof BitVector || column instanceof NullVector) {
      return 1;
    }
    if (column instanceof BaseFixedWidthVector fixedWidth) {
      return fixedWidth.getTypeWidth();
    }
    throw new QuiverException(ErrorKind.UNSUPPORTED,
        "cannot use a column of type "
            + io.quiver.udf.function.SqlTypeNames.of(column.getField().getType())
            + " as a join or grouping key yet");
  }

  private void writeColumn(FieldVector column, int[] cursor, boolean nullMatches) {
    boolean[] nullFlags = nullMatches ? ignoredNulls(rowCount) : hasNull;
    byte[] out = bytes;
    if (column instanceof NullVector) {
      for (int row = 0; row < rowCount; row++) {
        out[cursor[row]] = 1;
        out[cursor[row] + 1] = 0;
        cursor[row] += 2;
        nullFlags[row] = true;
      }
      return;
    }
    long validity = io.quiver.engine.exec.batch.Validity.nullCount(column) == 0 ? 0 : column.getValidityBufferAddress();
    if (column instanceof BaseVariableWidthVector variable) {
      long offsetAddress = variable.getOffsetBufferAddress();
      long data = variable.getDataBufferAddress();
      for (int row = 0; row < rowCount; row++) {
        int at = cursor[row];
        int start = MemoryUtil.getInt(offsetAddress + 4L * row);
        int length = MemoryUtil.getInt(offsetAddress + 4L * row + 4) - start;
        if (validity != 0 && !io.quiver.engine.exec.batch.BitBuffers.isSet(validity, row)) {
          out[at] = 1;
          INTS.set(out, at + 1, 0);
          nullFlags[row] = true;
          cursor[row] = at + 5;
          continue;
        } else {
          out[at] = 0;
          INTS.set(out, at + 1, length);
          if (length <= 8) {
            // short values (codes, flags, names): byte moves beat a bulk copy call
            for (int i = 0; i < length; i++) {
              out[at + 5 + i] = MemoryUtil.getByte(data + start + i);
            }
          } else {
            MemoryUtil.copyFromMemory(data + start, out, at + 5, length);
          }
        }
        cursor[row] = at + 5 + length;
      }
      return;
    }
    long data = column.getDataBufferAddress();
    if (column instanceof BitVector) {
      for (int row = 0; row < rowCount; row++) {
        int at = cursor[row];
        boolean isNull = validity != 0 && !io.quiver.engine.exec.batch.BitBuffers.isSet(validity, row);
        out[at] = (byte) (isNull ? 1 : 0);
        out[at + 1] = (byte) (isNull ? 0 : (io.quiver.engine.exec.batch.BitBuffers.isSet(data, row) ? 1 : 0));
        nullFlags[row] |= isNull;
        cursor[row] = at + 2;
      }
      return;
    }
    int width = fixedWidth(column);
    boolean isFloat = column instanceof Float4Vector;
    boolean isDouble = column instanceof Float8Vector;
    for (int row = 0; row < rowCount; row++) {
      int at = cursor[row];
      boolean isNull = validity != 0 && !io.quiver.engine.exec.batch.BitBuffers.isSet(validity, row);
      out[at] = (byte) (isNull ? 1 : 0);
      nullFlags[row] |= isNull;
      long address = data + (long) width * row;
      switch (width) {
        case 1 -> out[at + 1] = isNull ? 0 : MemoryUtil.getByte(address);
        case 2 -> {
          short value = isNull ? 0 : MemoryUtil.getShort(address);
          out[at + 1] = (byte) value;
          out[at + 2] = (byte) (value >> 8);
        }
        case 4 -> {
          int value = isNull ? 0 : MemoryUtil.getInt(address);
          if (isFloat && !isNull) {
            float f = Float.intBitsToFloat(value);
            value = f == 0.0f ? 0 : Float.isNaN(f) ? 0x7fc00000 : value;
          }
          INTS.set(out, at + 1, value);
        }
        case 8 -> {
          long value = isNull ? 0 : MemoryUtil.getLong(address);
          if (isDouble && !isNull) {
            double d = Double.longBitsToDouble(value);
            value = d == 0.0 ? 0 : Double.isNaN(d) ? 0x7ff8000000000000L : value;
          }
          LONGS.set(out, at + 1, value);
        }
        case 16 -> {
          LONGS.set(out, at + 1, isNull ? 0 : MemoryUtil.getLong(address));
          LONGS.set(out, at + 9, isNull ? 0 : MemoryUtil.getLong(address + 8));
        }
        default -> {
          if (isNull) {
            Arrays.fill(out, at + 1, at + 1 + width, (byte) 0);
          } else {
            MemoryUtil.copyFromMemory(address, out, at + 1, width);
          }
        }
      }
      cursor[row] = at + 1 + width;
    }
  }


  /** 64-bit hash of a byte range, eight bytes at a time. */
  public static long hashBytes(byte[] data, int offset, int length) {
    long hash = 0x9E3779B97F4A7C15L ^ length;
    int i = 0;
    for (; i + 8 <= length; i += 8) {
      hash = (hash ^ mix((long) LONGS.get(data, offset + i))) * 0xff51afd7ed558ccdL;
      hash = Long.rotateLeft(hash, 31);
    }
    long tail = 0;
    int rest = length - i;
    if (rest > 0 && offset + i + 8 <= data.length) {
      // the last 1..7 bytes from one 8-byte read, the bytes after them masked off
      tail = (long) LONGS.get(data, offset + i) & (-1L >>> (64 - 8 * rest));
    } else {
      for (int shift = 0; i < length; i++, shift += 8) {
        tail |= (data[offset + i] & 0xffL) << shift;
      }
    }
    return mix(hash ^ mix(tail));
  }

  static long mix(long value) {
    long z = value * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  public byte[] bytes() {
    return bytes;
  }

  public int offset(int row) {
    return offsets[row];
  }

  public int length(int row) {
    return offsets[row + 1] - offsets[row];
  }

  public long hash(int row) {
    return hashes[row];
  }

  /** True when any key column of the row is NULL (such a row never matches in a join). */
  public boolean hasNull(int row) {
    return hasNull[row];
  }

  public int rowCount() {
    return rowCount;
  }
}
