package io.quiver.engine.exec.operator;

import io.quiver.engine.exec.AbstractOperator;
import io.quiver.engine.exec.ExecutionContext;
import io.quiver.engine.exec.Operator;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.TransferPair;

/**
 * LIMIT/OFFSET without ORDER BY: skips {@code offset} rows, then returns at most {@code fetch}
 * rows ({@code fetch < 0}: no limit) and stops pulling its input once the limit is reached.
 * Whole batches pass through unchanged; a batch cut by the offset or the limit is returned as
 * a zero-copy slice ({@code splitAndTransfer} shares the input's buffers).
 */
public final class LimitOperator extends AbstractOperator {
  private final Operator input;
  private final long offset;
  private final long fetch;
  private long toSkip;
  private long remaining;
  private VectorSchemaRoot current;

  public LimitOperator(ExecutionContext context, Operator input, long offset, long fetch) {
    super("Limit", context, input.schema(), List.of(input));
    if (offset < 0) {
      throw new QuiverException(ErrorKind.INTERNAL, "negative OFFSET " + offset);
    }
    this.input = input;
    this.offset = offset;
    this.fetch = fetch;
    this.toSkip = offset;
    this.remaining = fetch < 0 ? Long.MAX_VALUE : fetch;
  }

  @Override
  protected VectorSchemaRoot doNext() {
    closeCurrent();
    while (remaining > 0) {
      VectorSchemaRoot batch = input.next();
      if (batch == null) {
        remaining = 0;
        return null;
      }
      int rows = batch.getRowCount();
      if (toSkip >= rows) {
        toSkip -= rows;
        continue;
      }
      int start = (int) toSkip;
      toSkip = 0;
      int length = (int) Math.min(rows - start, remaining);
      remaining -= length;
      if (start == 0 && length == rows) {
        return batch;
      }
      current = slice(batch, start, length);
      return current;
    }
    return null;
  }

  private VectorSchemaRoot slice(VectorSchemaRoot batch, int start, int length) {
    List<FieldVector> vectors = new ArrayList<>(batch.getFieldVectors().size());
    try {
      for (FieldVector vector : batch.getFieldVectors()) {
        // A slice shares the input's buffers (reference-counted); the input stays intact.
        TransferPair pair = vector.getTransferPair(allocator());
        pair.splitAndTransfer(start, length);
        vectors.add((FieldVector) pair.getTo());
      }
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
    return new VectorSchemaRoot(schema.getFields(), vectors, length);
  }

  private void closeCurrent() {
    if (current != null) {
      current.close();
      current = null;
    }
  }

  @Override
  protected void release() {
    closeCurrent();
  }

  @Override
  public String describe() {
    return "Limit[offset=" + offset + ", fetch=" + (fetch < 0 ? "ALL" : Long.toString(fetch))
        + "]";
  }
}
