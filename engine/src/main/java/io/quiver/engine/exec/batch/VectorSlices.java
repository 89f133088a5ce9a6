package io.quiver.engine.exec.batch;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Zero-copy slices of vectors into another allocator. Arrow's BitVector slices keep their
 * buffers accounted to the source allocator (the source then reports a leak when it closes
 * first), so boolean columns are copied instead; every other type shares its buffers.
 */
public final class VectorSlices {
  private VectorSlices() {}

  /** Rows {@code [start, start + length)} of {@code source} as a new vector in {@code allocator}. */
  public static FieldVector slice(FieldVector source, int start, int length,
      BufferAllocator allocator) {
    if (source instanceof BitVector bits) {
      BitVector copy = (BitVector) bits.getField().createVector(allocator);
      copy.allocateNew(Math.max(length, 1));
      for (int i = 0; i < length; i++) {
        copy.copyFrom(start + i, i, bits);
      }
      copy.setValueCount(length);
      return copy;
    }
    var pair = source.getTransferPair(allocator);
    pair.splitAndTransfer(start, length);
    FieldVector result = (FieldVector) pair.getTo();
    result.setValueCount(length);
    return result;
  }
}
