package io.quiver.engine.function.builtin.aggregate;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;

/** SUM, $SUM0 and AVG of REAL and DOUBLE: a double sum and a row count per group. */
final class FloatSumAccumulator extends SumAccumulator {
  private double[] sums = new double[GroupArrays.INITIAL];

  FloatSumAccumulator(SumFunction.Mode mode) {
    super(mode);
  }

  @Override
  void grow(int groupCount) {
    sums = GroupArrays.grow(sums, groupCount);
    counts = GroupArrays.grow(counts, groupCount);
  }

  @Override
  void add(FieldVector argument, int[] rows, int count, int[] groupIds) {
    long data = argument.getDataBufferAddress();
    double[] sum = sums;
    long[] n = counts;
    for (int i = 0; i < count; i++) {
      int row = rows[i];
      int group = groupIds[row];
      sum[group] += ValueReader.readDouble(argument, data, row);
      n[group]++;
    }
  }

  @Override
  public void writeState(FieldVector[] state, int groupCount) {
    grow(groupCount);
    Float8Vector sumState = (Float8Vector) state[0];
    for (int group = 0; group < groupCount; group++) {
      sumState.set(group, sums[group]);
    }
    writeCountState(state, groupCount);
  }

  @Override
  public void merge(FieldVector[] state, int rowCount, int[] groupIds, int groupCount) {
    grow(groupCount);
    Float8Vector sumState = (Float8Vector) state[0];
    for (int row : StateRows.nonNull(sumState, rowCount)) {
      int group = groupIds[row];
      sums[group] += sumState.get(row);
      counts[group] += countState(state, row);
    }
  }

  @Override
  double doubleValue(int group) {
    return mode == SumFunction.Mode.AVG ? sums[group] / counts[group] : sums[group];
  }

  @Override
  public void finish(FieldVector result, int groupCount) {
    grow(groupCount);
    if (!finishFloating(result, groupCount)) {
      throw new QuiverException(ErrorKind.INTERNAL, "SUM/AVG of a floating-point argument"
          + " into " + result.getField().getType() + " (a bug in Quiver)");
    }
  }
}
