package io.quiver.engine.exec.batch;

import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;

/**
 * Allocates fixed-width vectors whose every value a writer is about to set, without Arrow's
 * zeroing of the value buffer ({@code allocateNew} clears it, and the writes then overwrite
 * every byte: for a scan or a projection of decimals that clearing was a tenth of a query's
 * time). The validity buffer is still cleared, so rows stay NULL until written; a writer that
 * leaves NULL rows unwritten calls {@link #clearNullValues} so that no stale bytes lie under
 * them (the value of a NULL slot is not read, but it may be written to a file or hashed as
 * bytes).
 */
public final class UnzeroedAllocation {
  private UnzeroedAllocation() {}

  /**
   * Allocates {@code vector} (emptied first) for {@code rows} values: validity cleared, values
   * not. A {@link BitVector}, whose values are bits set one by one, is allocated the usual way.
   */
  public static void allocate(BaseFixedWidthVector vector, int rows) {
    int width = vector.getTypeWidth();
    if (vector instanceof BitVector || width <= 0) {
      vector.allocateNew(rows);
      return;
    }
    vector.clear();
    BufferAllocator allocator = vector.getAllocator();
    long validityBytes = roundUpTo8((rows + 7L) / 8);
    try (ArrowBuf validity = allocator.buffer(Math.max(validityBytes, 8));
        ArrowBuf values = allocator.buffer(Math.max((long) rows * width, 8))) {
      validity.setZero(0, validity.capacity());
      // the vector takes its own reference to each buffer
      vector.loadFieldBuffers(new ArrowFieldNode(rows, 0), List.of(validity, values));
    }
    vector.setValueCount(0);
  }

  /**
   * Grows {@code vector}, whose first {@code rows} rows are in use, to hold {@code capacity}
   * values: new buffers, the used validity bytes and values copied over, the new values not
   * cleared (Arrow's {@code reAlloc} copies the whole buffers and clears the new half). For an
   * accumulator that appends every value it adds. A {@link BitVector} grows the usual way.
   */
  public static void grow(BaseFixedWidthVector vector, int rows, int capacity) {
    int width = vector.getTypeWidth();
    if (vector instanceof BitVector || width <= 0) {
      if (rows == 0) {
        vector.clear();
        vector.setInitialCapacity(capacity);
        vector.allocateNew();
      }
      while (vector.getValueCapacity() < capacity) {
        vector.reAlloc();
      }
      return;
    }
    BufferAllocator allocator = vector.getAllocator();
    try (ArrowBuf validity = allocator.buffer(Math.max(roundUpTo8((capacity + 7L) / 8), 8));
        ArrowBuf values = allocator.buffer(Math.max((long) capacity * width, 8))) {
      validity.setZero(0, validity.capacity());
      if (rows > 0) {
        MemoryUtil.copyMemory(vector.getValidityBufferAddress(), validity.memoryAddress(),
            (rows + 7L) / 8);
        MemoryUtil.copyMemory(vector.getDataBufferAddress(), values.memoryAddress(),
            (long) rows * width);
      }
      // releases the old buffers, takes its own reference to these
      vector.loadFieldBuffers(new ArrowFieldNode(rows, 0), List.of(validity, values));
    }
    vector.setValueCount(rows);
  }

  /** Zeroes the value of each NULL row among the first {@code rows} rows of {@code vector}. */
  public static void clearNullValues(BaseFixedWidthVector vector, int rows) {
    int width = vector.getTypeWidth();
    if (vector instanceof BitVector || width <= 0 || Validity.nullCount(vector) == 0) {
      return;
    }
    long validity = vector.getValidityBufferAddress();
    long values = vector.getDataBufferAddress();
    for (int row = 0; row < rows; row++) {
      if (!BitBuffers.isSet(validity, row)) {
        MemoryUtil.setMemory(values + (long) width * row, width, (byte) 0);
      }
    }
  }

  private static long roundUpTo8(long bytes) {
    return (bytes + 7) & ~7L;
  }
}
