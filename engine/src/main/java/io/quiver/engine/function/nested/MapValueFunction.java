package io.quiver.engine.function.nested;

import io.quiver.engine.exec.batch.VectorGather;
import io.quiver.udf.function.ScalarArguments;
import java.util.Objects;
import org.apache.arrow.memory.util.ByteFunctionHelpers;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * {@code m[k]}: the value of a MAP's first entry whose key equals {@code k} (the planner casts
 * {@code k} to the key type), or NULL when there is none or the map or key is NULL. Keys are
 * compared as bytes for fixed- and variable-width types, without boxing.
 */
public final class MapValueFunction extends NestedFunction {

  public MapValueFunction() {
    super("map value", 2);
  }

  @Override
  public FieldVector evaluate(ScalarArguments arguments) {
    MapVector map = (MapVector) arguments.vector(0);
    FieldVector key = arguments.vector(1);
    StructVector entries = (StructVector) map.getDataVector();
    FieldVector keys = (FieldVector) entries.getChildByOrdinal(0);
    FieldVector values = (FieldVector) entries.getChildByOrdinal(1);
    int rows = arguments.rowCount();
    int[] indexes = new int[rows];
    for (int row = 0; row < rows; row++) {
      indexes[row] = -1;
      if (map.isNull(row) || key.isNull(row)) {
        continue;
      }
      int end = map.getElementEndIndex(row);
      for (int entry = map.getElementStartIndex(row); entry < end; entry++) {
        if (!keys.isNull(entry) && equal(keys, entry, key, row)) {
          indexes[row] = entry;
          break;
        }
      }
    }
    FieldVector result = arguments.newResult();
    VectorGather.gather(values, indexes, rows, result);
    return result;
  }

  private static boolean equal(FieldVector left, int l, FieldVector right, int r) {
    if (left instanceof BitVector bits) {
      return bits.get(l) == ((BitVector) right).get(r);
    }
    if (left instanceof BaseFixedWidthVector fixed && right instanceof BaseFixedWidthVector) {
      long width = fixed.getTypeWidth();
      return ByteFunctionHelpers.equal(left.getDataBuffer(), l * width, (l + 1) * width,
          right.getDataBuffer(), r * width, (r + 1) * width) == 1;
    }
    if (left instanceof BaseVariableWidthVector leftText
        && right instanceof BaseVariableWidthVector rightText) {
      return ByteFunctionHelpers.equal(left.getDataBuffer(), leftText.getStartOffset(l),
          leftText.getStartOffset(l + 1), right.getDataBuffer(), rightText.getStartOffset(r),
          rightText.getStartOffset(r + 1)) == 1;
    }
    return Objects.equals(left.getObject(l), right.getObject(r));
  }
}
