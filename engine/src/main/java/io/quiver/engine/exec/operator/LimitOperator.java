package io.quiver.engine.exec.operator;

import io.quiver.engine.exec.AbstractOperator;
import io.quiver.engine.exec.ExecutionContext;
import io.quiver.engine.exec.Operator;
import io.quiver.engine.exec.batch.VectorSlices;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * LIMIT/OFFSET without ORDER BY: skips {@code offset} rows, then returns at most {@code fetch}
 * rows ({@code fetch < 0}: no limit) and stops pulling its input once the limit is reached.
 * Whole batches pass through unchanged; a batch cut by the offset or the limit is returned as
 * a zero-copy slice ({@link VectorSlices}: shares the input's buffers).
 */
public final class LimitOperator extends AbstractOperator {
  private final Operator input;
  private final long offset;
  private final long fetch;
  private long toSkip;
  private long remaining;

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
      return emit(VectorSlices.slice(batch, start, length, allocator()));
    }
    return null;
  }


  @Override
  public String describe() {
    return "Limit[offset=" + offset + ", fetch=" + (fetch < 0 ? "ALL" : Long.toString(fetch))
        + "]";
  }
}
