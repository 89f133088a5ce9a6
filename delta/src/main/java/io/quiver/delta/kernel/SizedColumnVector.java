package io.quiver.delta.kernel;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.types.DataType;

/**
 * What Quiver's Kernel column vectors share: a Delta type, a row count, and nothing to release
 * (the Arrow memory they read belongs to their batch, heap values to the garbage collector).
 */
abstract class SizedColumnVector implements ColumnVector {
  protected final DataType type;
  protected final int size;

  SizedColumnVector(DataType type, int size) {
    this.type = type;
    this.size = size;
  }

  @Override
  public final DataType getDataType() {
    return type;
  }

  @Override
  public final int getSize() {
    return size;
  }

  @Override
  public final void close() {}
}
