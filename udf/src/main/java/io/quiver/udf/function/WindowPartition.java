package io.quiver.udf.function;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * One partition of a window, its rows in the window's ORDER BY order. Row numbers are
 * 0-based within the partition; argument vectors hold exactly the partition's rows.
 */
public interface WindowPartition {

  int rowCount();

  int argumentCount();

  FieldVector argument(int index);

  /** First row of {@code row}'s frame (inclusive). */
  int frameStart(int row);

  /** End of {@code row}'s frame (exclusive); equal to frameStart for an empty frame. */
  int frameEnd(int row);

  /** First row of {@code row}'s peer group (rows with equal ORDER BY keys). */
  int peerStart(int row);

  /** End of {@code row}'s peer group (exclusive). */
  int peerEnd(int row);

  BufferAllocator allocator();
}
