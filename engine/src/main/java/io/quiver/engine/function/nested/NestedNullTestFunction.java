package io.quiver.engine.function.nested;

import io.quiver.udf.function.ScalarArguments;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/** {@code x IS NULL} and {@code x IS NOT NULL} for a nested value (never NULL itself). */
public final class NestedNullTestFunction extends NestedFunction {
  private final boolean wantNull;

  /** IS NULL when {@code wantNull}, else IS NOT NULL. */
  public NestedNullTestFunction(boolean wantNull) {
    super(wantNull ? "is null" : "is not null", 1);
    this.wantNull = wantNull;
  }

  @Override
  public FieldVector evaluate(ScalarArguments arguments) {
    FieldVector value = arguments.vector(0);
    int rows = arguments.rowCount();
    BitVector result = (BitVector) arguments.newResult();
    result.allocateNew(rows);
    for (int row = 0; row < rows; row++) {
      result.set(row, value.isNull(row) == wantNull ? 1 : 0);
    }
    result.setValueCount(rows);
    return result;
  }
}
