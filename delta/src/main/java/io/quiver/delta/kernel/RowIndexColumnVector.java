package io.quiver.delta.kernel;

import io.delta.kernel.types.LongType;

/**
 * The row-index metadata column of a Parquet batch: the position of each row in its file
 * ({@code first}, {@code first + 1}, ...), which Kernel matches against deletion vectors.
 */
public final class RowIndexColumnVector extends SizedColumnVector {
  private final long first;

  public RowIndexColumnVector(long first, int size) {
    super(LongType.LONG, size);
    this.first = first;
  }

  @Override
  public boolean isNullAt(int rowId) {
    return false;
  }

  @Override
  public long getLong(int rowId) {
    return first + rowId;
  }
}
