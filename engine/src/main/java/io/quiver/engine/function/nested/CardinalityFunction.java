package io.quiver.engine.function.nested;

import io.quiver.udf.function.ScalarArguments;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.complex.ListVector;

/** {@code CARDINALITY(a)}: the number of elements of an ARRAY or entries of a MAP; NULL stays NULL. */
public final class CardinalityFunction extends NestedFunction {

  public CardinalityFunction() {
    super("cardinality", 1);
  }

  @Override
  public FieldVector evaluate(ScalarArguments arguments) {
    ListVector list = (ListVector) arguments.vector(0); // a MapVector is a ListVector
    int rows = arguments.rowCount();
    IntVector result = (IntVector) arguments.newResult();
    result.allocateNew(rows);
    for (int row = 0; row < rows; row++) {
      if (list.isNull(row)) {
        result.setNull(row);
      } else {
        result.set(row, list.getElementEndIndex(row) - list.getElementStartIndex(row));
      }
    }
    result.setValueCount(rows);
    return result;
  }
}
