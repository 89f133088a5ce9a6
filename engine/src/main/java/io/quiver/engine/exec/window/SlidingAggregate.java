package io.quiver.engine.exec.window;

import io.quiver.engine.exec.batch.BitBuffers;
import org.apache.arrow.vector.FieldVector;

/**
 * An aggregate over a window frame that slides forward: rows enter at the end with
 * {@link #add} and leave at the start with {@link #remove}, so every frame of a partition costs
 * amortised O(1) per row whatever its bounds (frames of PostgreSQL's ROWS and RANGE modes only
 * ever move forward). Rows whose argument is NULL are ignored, as SQL aggregates do.
 */
abstract class SlidingAggregate {
  private final long validity;

  /** {@code argument} is the sorted argument column, or null for COUNT(*). */
  SlidingAggregate(FieldVector argument) {
    this.validity = argument == null || io.quiver.engine.exec.batch.Validity.nullCount(argument) == 0
        ? 0 : argument.getValidityBufferAddress();
  }

  /** Whether the argument of {@code row} is NULL. */
  final boolean isNull(int row) {
    return validity != 0 && !BitBuffers.isSet(validity, row);
  }

  /** Empties the frame (at the start of a partition). */
  abstract void reset();

  abstract void add(int row);

  abstract void remove(int row);

  /** Writes the aggregate of the current frame ({@code frameRows} rows) as row {@code row}. */
  abstract void write(int row, int frameRows);
}
