package io.quiver.engine.function.builtin.string;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.Objects;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Fills a VARCHAR result vector row by row, writing UTF-8 bytes straight into its data buffer
 * and offsets into its offset buffer. Rows are written in order, each exactly once, by
 * {@link #commit} (after writing at the address {@link #reserve} returned), {@link #append} or
 * {@link #setNull}; {@link #finish} sets the value count and hands the vector over (when the
 * function throws instead, the host frees the vector it got from {@code newResult()}). The data buffer grows by doubling, so
 * a batch costs a logarithmic number of allocations, none per row.
 *
 * <p>Sizes are checked before anything is allocated: one string beyond {@link #MAX_STRING_BYTES}
 * is a DATA error (the value asks for it), a batch whose strings together pass the 32-bit offsets
 * of Arrow's VARCHAR is a RESOURCE error. Running out of memory surfaces as Arrow's
 * OutOfMemoryException, which the host reports as a RESOURCE error.
 */
final class Utf8ResultBuilder {
  /** The largest string a function may produce, in bytes (DuckDB's limit is 4 GiB). */
  static final long MAX_STRING_BYTES = Integer.MAX_VALUE;

  private final VarCharVector vector;
  private final String function;
  private final long offsets;
  private final long validity;
  private long data;
  private long capacity;
  private int used;
  private int nextRow;

  /**
   * @param result an empty result vector with room for the batch's rows (from
   *     {@code ScalarArguments.newResult()})
   * @param function the SQL name of the function, for error messages
   */
  Utf8ResultBuilder(FieldVector result, String function) {
    this.vector = (VarCharVector) Objects.requireNonNull(result, "result is null");
    this.function = Objects.requireNonNull(function, "function is null");
    this.offsets = vector.getOffsetBufferAddress();
    this.validity = vector.getValidityBufferAddress();
    this.data = vector.getDataBufferAddress();
    this.capacity = vector.getDataBuffer().capacity();
  }

  /**
   * {@code count * bytes} for non-negative factors, or {@link Long#MAX_VALUE} when the product
   * does not fit a long (which {@link #reserve} reports as "more than" that many bytes).
   */
  static long product(long count, long bytes) {
    long high = Math.multiplyHigh(count, bytes);
    long low = count * bytes;
    return high != 0 || low < 0 ? Long.MAX_VALUE : low;
  }

  /**
   * Makes room for the next row's {@code bytes} bytes and returns the address to write them at.
   * The address stays valid until the next call of {@code reserve} or {@code append}.
   */
  long reserve(long bytes) {
    if (bytes > MAX_STRING_BYTES) {
      String size = bytes == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : "" + bytes;
      throw new QuiverException(ErrorKind.DATA, function + " would make a string of " + size
          + " bytes, beyond the maximum string size of " + MAX_STRING_BYTES + " bytes");
    }
    long needed = used + bytes;
    if (needed > Integer.MAX_VALUE) {
      throw new QuiverException(ErrorKind.RESOURCE, "the results of " + function + " for one"
          + " batch pass " + Integer.MAX_VALUE + " bytes, the most one VARCHAR vector holds;"
          + " use a smaller batch size (QuiverSession.builder().batchSize(...))");
    }
    if (needed > capacity) {
      vector.reallocDataBuffer(Math.min(Integer.MAX_VALUE, Math.max(needed, 2 * capacity)));
      data = vector.getDataBufferAddress();
      capacity = vector.getDataBuffer().capacity();
    }
    return data + used;
  }

  /** Ends the next row with the {@code length} bytes written at the reserved address. */
  void commit(int row, int length) {
    checkOrder(row);
    used += length;
    MemoryUtil.putInt(offsets + 4L * (row + 1), used);
    long bits = validity + (row >>> 3);
    MemoryUtil.putByte(bits, (byte) (MemoryUtil.getByte(bits) | (1 << (row & 7))));
  }

  /** Copies {@code length} bytes from {@code address} as the value of the next row. */
  void append(int row, long address, int length) {
    long target = reserve(length);
    MemoryUtil.copyMemory(address, target, length);
    commit(row, length);
  }

  /** Makes the next row NULL. */
  void setNull(int row) {
    checkOrder(row);
    MemoryUtil.putInt(offsets + 4L * (row + 1), used);
  }

  private void checkOrder(int row) {
    if (row != nextRow) {
      throw new IllegalStateException("row " + row + " written out of order (expected "
          + nextRow + ")");
    }
    nextRow++;
  }

  /** Sets the value count to the rows written and returns the vector. */
  FieldVector finish() {
    vector.setLastSet(nextRow - 1);
    vector.setValueCount(nextRow);
    return vector;
  }
}
