package io.quiver.engine.function.builtin.aggregate;

import io.quiver.engine.expr.CodegenSupport;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;

/** MIN, MAX and ANY_VALUE of REAL and DOUBLE, compared in SQL order (NaN largest). */
final class DoubleValueAccumulator extends ValueAccumulator {
  private double[] values = new double[GroupArrays.INITIAL];
  private boolean[] present = new boolean[GroupArrays.INITIAL];

  DoubleValueAccumulator(ValueFunction.Mode mode) {
    super(mode);
  }

  @Override
  void grow(int groupCount) {
    values = GroupArrays.grow(values, groupCount);
    present = GroupArrays.grow(present, groupCount);
  }

  @Override
  void add(FieldVector argument, int[] rows, int count, int[] groupIds) {
    long data = argument.getDataBufferAddress();
    double[] kept = values;
    boolean[] has = present;
    for (int i = 0; i < count; i++) {
      int row = rows[i];
      int group = groupIds[row];
      double value = ValueReader.readDouble(argument, data, row);
      if (!has[group]) {
        has[group] = true;
        kept[group] = value;
      } else if (mode.replaces(CodegenSupport.compareDoubles(value, kept[group]))) {
        kept[group] = value;
      }
    }
  }

  @Override
  public void finish(FieldVector result, int groupCount) {
    grow(groupCount);
    for (int group = 0; group < groupCount; group++) {
      if (!present[group]) {
        continue;
      }
      if (result instanceof Float8Vector doubles) {
        doubles.set(group, values[group]);
      } else {
        ((Float4Vector) result).set(group, (float) values[group]);
      }
    }
  }
}
