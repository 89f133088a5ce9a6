package io.quiver.engine.function.nested;

import io.quiver.engine.exec.batch.Validity;
import io.quiver.engine.exec.batch.VectorGather;
import io.quiver.engine.exec.batch.VectorSlices;
import io.quiver.udf.function.ScalarArguments;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * {@code s.x}: one field of a ROW. When no row of the struct is NULL the field's values are
 * shared (a slice, no copy); otherwise they are gathered with NULL where the struct is NULL.
 */
public final class StructFieldFunction extends NestedFunction {
  private final int field;

  /** The function that extracts the field at {@code field} (0-based). */
  public StructFieldFunction(String fieldName, int field) {
    super("struct field " + fieldName, 1);
    this.field = field;
  }

  @Override
  public FieldVector evaluate(ScalarArguments arguments) {
    StructVector struct = (StructVector) arguments.vector(0);
    FieldVector child = (FieldVector) struct.getChildByOrdinal(field);
    int rows = arguments.rowCount();
    if (Validity.nullCount(struct) == 0) {
      return VectorSlices.slice(child, 0, rows, arguments.allocator());
    }
    int[] indexes = new int[rows];
    for (int row = 0; row < rows; row++) {
      indexes[row] = struct.isNull(row) ? -1 : row;
    }
    FieldVector result = arguments.newResult();
    VectorGather.gather(child, indexes, rows, result);
    return result;
  }
}
