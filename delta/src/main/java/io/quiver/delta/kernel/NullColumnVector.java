package io.quiver.delta.kernel;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.StructType;

/**
 * A Kernel {@link ColumnVector} whose every value is null: a requested column (or struct field)
 * that the Parquet file does not have. Its struct children are null too.
 */
public final class NullColumnVector implements ColumnVector {
  private final DataType type;
  private final int size;

  public NullColumnVector(DataType type, int size) {
    this.type = type;
    this.size = size;
  }

  @Override
  public DataType getDataType() {
    return type;
  }

  @Override
  public int getSize() {
    return size;
  }

  @Override
  public void close() {}

  @Override
  public boolean isNullAt(int rowId) {
    return true;
  }

  @Override
  public ColumnVector getChild(int ordinal) {
    return new NullColumnVector(((StructType) type).at(ordinal).getDataType(), size);
  }
}
