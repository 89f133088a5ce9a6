package io.quiver.engine.exec.window;

import io.quiver.udf.function.WindowPartition;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * One partition as a user window function sees it: rows renumbered from 0, argument vectors
 * holding exactly the partition's rows (zero-copy slices of the sorted columns: read-only),
 * and each row's frame and peer group from the window operator's {@link FrameCursor} and
 * {@link PartitionLayout}.
 */
final class PartitionView implements WindowPartition {
  private final PartitionLayout layout;
  private final FieldVector[] arguments;
  private final int[] frameStarts;
  private final int[] frameEnds;
  private final int start;
  private final int rowCount;
  private final BufferAllocator allocator;

  /**
   * @param frameStarts frame starts of the partition's rows, relative to the partition
   * @param frameEnds frame ends, relative, never before the start
   */
  PartitionView(PartitionLayout layout, int start, int rowCount, FieldVector[] arguments,
      int[] frameStarts, int[] frameEnds, BufferAllocator allocator) {
    this.layout = layout;
    this.start = start;
    this.rowCount = rowCount;
    this.arguments = arguments;
    this.frameStarts = frameStarts;
    this.frameEnds = frameEnds;
    this.allocator = allocator;
  }

  @Override
  public int rowCount() {
    return rowCount;
  }

  @Override
  public int argumentCount() {
    return arguments.length;
  }

  @Override
  public FieldVector argument(int index) {
    if (index < 0 || index >= arguments.length) {
      throw new IndexOutOfBoundsException("argument " + index + " of a call with "
          + arguments.length + " arguments");
    }
    return arguments[index];
  }

  private void checkRow(int row) {
    if (row < 0 || row >= rowCount) {
      throw new IndexOutOfBoundsException("row " + row + " of a partition of " + rowCount
          + " rows");
    }
  }

  @Override
  public int frameStart(int row) {
    checkRow(row);
    return frameStarts[row];
  }

  @Override
  public int frameEnd(int row) {
    checkRow(row);
    return frameEnds[row];
  }

  @Override
  public int peerStart(int row) {
    checkRow(row);
    return layout.peerStart(start + row) - start;
  }

  @Override
  public int peerEnd(int row) {
    checkRow(row);
    return layout.peerEnd(start + row) - start;
  }

  @Override
  public BufferAllocator allocator() {
    return allocator;
  }
}
