package io.quiver.engine.exec.batch;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Zero-copy row ranges of vectors, accounted to the allocator that receives them.
 *
 * <p>Arrow's {@code splitAndTransfer} shares buffers and moves their accounting to the target
 * allocator, except for {@link BitVector} (Arrow Java 19): a byte-aligned split of a BitVector
 * retains the source buffers in the <em>source</em> allocator, which then reports a leak if it
 * is closed first (for example a query allocator closed while a table still holds the slice).
 * BitVector ranges are therefore copied here (one bit per row: cheap).
 */
public final class VectorSlices {
  private VectorSlices() {}

  /** Rows {@code [start, start + length)} of {@code source} as a new vector in
   * {@code allocator}; the source is left intact. */
  public static FieldVector slice(FieldVector source, int start, int length,
      BufferAllocator allocator) {
    if (source instanceof BitVector bits) {
      BitVector target = new BitVector(bits.getField(), allocator);
      try {
        target.allocateNew(length);
        if (length > 0) {
          BitBuffers.copyBits(bits.getValidityBufferAddress(), start, length,
              target.getValidityBufferAddress());
          BitBuffers.copyBits(bits.getDataBufferAddress(), start, length,
              target.getDataBufferAddress());
        }
        target.setValueCount(length);
      } catch (RuntimeException e) {
        target.close();
        throw e;
      }
      return target;
    }
    TransferPair pair = source.getTransferPair(allocator);
    if (length > 0) {
      pair.splitAndTransfer(start, length);
    }
    FieldVector target = (FieldVector) pair.getTo();
    target.setValueCount(length);
    return target;
  }

  /** Rows {@code [start, start + length)} of every column of {@code source}. */
  public static VectorSchemaRoot slice(VectorSchemaRoot source, int start, int length,
      BufferAllocator allocator) {
    List<FieldVector> vectors = new ArrayList<>(source.getFieldVectors().size());
    try {
      for (FieldVector vector : source.getFieldVectors()) {
        vectors.add(slice(vector, start, length, allocator));
      }
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
    return new VectorSchemaRoot(source.getSchema().getFields(), vectors, length);
  }
}
