package io.quiver.engine.function.nested;

import io.quiver.engine.exec.batch.VectorGather;
import io.quiver.udf.function.ScalarArguments;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;

/**
 * {@code a[i]}: the element of an ARRAY at a 1-based position; a negative position counts
 * from the end ({@code a[-1]} is the last element), as in DuckDB. A NULL array or position, or
 * one outside the array (0 included), gives NULL. One gather of the elements per batch.
 */
public final class ListElementFunction extends NestedFunction {

  public ListElementFunction() {
    super("array element", 2);
  }

  @Override
  public FieldVector evaluate(ScalarArguments arguments) {
    ListVector list = (ListVector) arguments.vector(0);
    BaseIntVector position = (BaseIntVector) arguments.vector(1);
    int rows = arguments.rowCount();
    int[] indexes = new int[rows];
    for (int row = 0; row < rows; row++) {
      indexes[row] = -1;
      if (list.isNull(row) || position.isNull(row)) {
        continue;
      }
      int start = list.getElementStartIndex(row);
      int size = list.getElementEndIndex(row) - start;
      long at = position.getValueAsLong(row);
      long offset = at > 0 ? at - 1 : at < 0 ? size + at : -1;
      if (offset >= 0 && offset < size) {
        indexes[row] = start + (int) offset;
      }
    }
    FieldVector result = arguments.newResult();
    VectorGather.gather(list.getDataVector(), indexes, rows, result);
    return result;
  }
}
