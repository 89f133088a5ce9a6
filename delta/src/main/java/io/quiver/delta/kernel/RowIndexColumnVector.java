package io.quiver.delta.kernel;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.LongType;

/**
 * The row-index metadata column of a Parquet batch: the position of each row in its file
 * ({@code first}, {@code first + 1}, ...), which Kernel matches against deletion vectors.
 */
public final class RowIndexColumnVector implements ColumnVector {
  private final long first;
  private final int size;

  public RowIndexColumnVector(long first, int size) {
    this.first = first;
    this.size = size;
  }

  @Override
  public DataType getDataType() {
    return LongType.LONG;
  }

  @Override
  public int getSize() {
    return size;
  }

  @Override
  public void close() {}

  @Override
  public boolean isNullAt(int rowId) {
    return false;
  }

  @Override
  public long getLong(int rowId) {
    return first + rowId;
  }
}
