package io.quiver.delta.kernel;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.StructType;

/**
 * A Kernel {@link ColumnVector} whose every value is null: a requested column (or struct field)
 * that the Parquet file does not have. Its struct children are null too.
 */
public final class NullColumnVector extends SizedColumnVector {

  public NullColumnVector(DataType type, int size) {
    super(type, size);
  }

  @Override
  public boolean isNullAt(int rowId) {
    return true;
  }

  @Override
  public ColumnVector getChild(int ordinal) {
    return new NullColumnVector(((StructType) type).at(ordinal).getDataType(), size);
  }
}
