package io.quiver.engine.exec.batch;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.OversizedAllocationException;

/**
 * Collects batches into one set of growing vectors by copying them (the batches are only
 * borrowed, following the ownership rule of {@link io.quiver.engine.exec.Operator}).
 *
 * <p>Vectors grow by doubling, so appending {@code n} rows costs amortised O(n); fixed-width
 * ones without clearing their new values ({@link UnzeroedAllocation#grow}). Fixed-width
 * data and variable-width bytes are copied by address in one block per batch; validity bits are
 * shifted into place a 64-bit word at a time; offsets are rebased in one pass. A single
 * accumulated variable-width vector holds at most {@link Integer#MAX_VALUE} bytes (Arrow's
 * 32-bit offsets); beyond that {@link #append} fails with a {@link ErrorKind#RESOURCE} error.
 */
public final class BatchAccumulator implements AutoCloseable {
  private static final int INITIAL_ROWS = 1024;

  private final Schema schema;
  private final VectorSchemaRoot root;
  private final FieldVector[] vectors;
  private int rowCount;
  private boolean closed;

  public BatchAccumulator(Schema schema, BufferAllocator allocator) {
    this.schema = schema;
    this.root = VectorSchemaRoot.create(schema, allocator);
    List<FieldVector> list = root.getFieldVectors();
    this.vectors = list.toArray(new FieldVector[0]);
  }

  /** Copies the rows of {@code batch} (same vector types as the schema) to the end. */
  public void append(VectorSchemaRoot batch) {
    if (closed) {
      throw new QuiverException(ErrorKind.INTERNAL, "batch accumulator used after close");
    }
    int count = batch.getRowCount();
    if (count == 0) {
      return;
    }
    if (batch.getFieldVectors().size() != vectors.length) {
      throw new QuiverException(ErrorKind.INTERNAL, "batch with "
          + batch.getFieldVectors().size() + " columns appended to an accumulator of schema "
          + schema + " (a bug in Quiver)");
    }
    if ((long) rowCount + count > Integer.MAX_VALUE - 1) {
      throw new QuiverException(ErrorKind.RESOURCE, "more than " + (Integer.MAX_VALUE - 1)
          + " rows held in one buffer; make the query hold fewer rows at once");
    }
    try {
      for (int column = 0; column < vectors.length; column++) {
        FieldVector source = batch.getVector(column);
        FieldVector target = vectors[column];
        if (source.getClass() != target.getClass()) {
          throw new QuiverException(ErrorKind.INTERNAL, "column " + column + " of type "
              + source.getField().getType() + " appended to an accumulator column of type "
              + target.getField().getType() + " (a bug in Quiver)");
        }
        if (source instanceof BaseFixedWidthVector fixed) {
          appendFixedWidth(fixed, (BaseFixedWidthVector) target, count);
        } else if (source instanceof BaseVariableWidthVector variable) {
          appendVariableWidth(variable, (BaseVariableWidthVector) target, count);
        } else {
          appendGeneric(source, target, count);
        }
      }
    } catch (OversizedAllocationException e) {
      throw new QuiverException(ErrorKind.RESOURCE, "accumulating " + ((long) rowCount + count)
          + " rows exceeds the size of a single Arrow buffer: " + e.getMessage()
          + ". Make the query hold fewer rows at once", e);
    }
    rowCount += count;
    root.setRowCount(rowCount);
  }

  /** The number of rows appended so far. */
  public int rowCount() {
    return rowCount;
  }

  /** The accumulated rows; valid until {@link #close()} (owned by this accumulator). */
  public VectorSchemaRoot root() {
    return root;
  }

  public Schema schema() {
    return schema;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    root.close();
  }

  private void ensureCapacity(FieldVector target, int needed) {
    if (target.getValueCapacity() >= needed) {
      return;
    }
    if (target instanceof BaseFixedWidthVector fixed) {
      // values are appended, never read before they are: grown without clearing
      int capacity = (int) Math.min(Integer.MAX_VALUE - 1,
          Math.max(Math.max(needed, INITIAL_ROWS), 2L * target.getValueCapacity()));
      UnzeroedAllocation.grow(fixed, rowCount, capacity);
      return;
    }
    if (rowCount == 0) {
      target.clear();
      target.setInitialCapacity(Math.max(needed, INITIAL_ROWS));
      target.allocateNew();
    }
    while (target.getValueCapacity() < needed) {
      if (target instanceof BaseVariableWidthVector variable) {
        variable.reallocValidityAndOffsetBuffers();
      } else {
        target.reAlloc();
      }
    }
  }

  private void appendValidity(FieldVector source, FieldVector target, int count) {
    long targetValidity = target.getValidityBufferAddress();
    if (io.quiver.engine.exec.batch.Validity.nullCount(source) == 0) {
      BitBuffers.setBits(targetValidity, count, rowCount);
    } else {
      BitBuffers.appendBits(source.getValidityBufferAddress(), count, targetValidity, rowCount);
    }
  }

  private void appendFixedWidth(BaseFixedWidthVector source, BaseFixedWidthVector target,
      int count) {
    int end = rowCount + count;
    ensureCapacity(target, end);
    appendValidity(source, target, count);
    if (source instanceof BitVector) {
      BitBuffers.appendBits(source.getDataBufferAddress(), count, target.getDataBufferAddress(),
          rowCount);
    } else {
      long width = source.getTypeWidth();
      MemoryUtil.copyMemory(source.getDataBufferAddress(),
          target.getDataBufferAddress() + width * rowCount, width * count);
    }
    target.setValueCount(end);
  }

  private void appendVariableWidth(BaseVariableWidthVector source,
      BaseVariableWidthVector target, int count) {
    int end = rowCount + count;
    ensureCapacity(target, end);
    long sourceOffsets = source.getOffsetBufferAddress();
    int sourceStart = MemoryUtil.getInt(sourceOffsets);
    int bytes = MemoryUtil.getInt(sourceOffsets + 4L * count) - sourceStart;
    long targetOffsets = target.getOffsetBufferAddress();
    int base = rowCount == 0 ? 0 : MemoryUtil.getInt(targetOffsets + 4L * rowCount);
    long needed = (long) base + bytes;
    if (needed > Integer.MAX_VALUE) {
      throw new QuiverException(ErrorKind.RESOURCE, "column " + target.getField().getName()
          + " would hold " + needed + " bytes of variable-width data; a single accumulated"
          + " vector holds at most " + Integer.MAX_VALUE + " bytes (Arrow's 32-bit offsets)."
          + " Make the query hold fewer or shorter values at once");
    }
    long capacity = target.getDataBuffer().capacity();
    if (capacity < needed) {
      long desired = Math.max(needed, Math.min(2 * capacity, Integer.MAX_VALUE));
      target.reallocDataBuffer(desired);
    }
    if (bytes > 0) {
      MemoryUtil.copyMemory(source.getDataBufferAddress() + sourceStart,
          target.getDataBufferAddress() + base, bytes);
    }
    int delta = base - sourceStart;
    long from = sourceOffsets + 4;
    long to = targetOffsets + 4L * rowCount + 4;
    if (rowCount == 0) {
      MemoryUtil.putInt(targetOffsets, 0);
    }
    for (int i = 0; i < count; i++) {
      MemoryUtil.putInt(to + 4L * i, MemoryUtil.getInt(from + 4L * i) + delta);
    }
    appendValidity(source, target, count);
    target.setLastSet(end - 1);
    target.setValueCount(end);
  }

  /** Types outside the engine's flat type set: row by row through Arrow's copy. */
  private void appendGeneric(FieldVector source, FieldVector target, int count) {
    for (int i = 0; i < count; i++) {
      target.copyFromSafe(i, rowCount + i, source);
    }
    target.setValueCount(rowCount + count);
  }
}
