package io.quiver.engine.function.builtin.aggregate;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.GroupAccumulator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;

/** SUM, $SUM0 and AVG of REAL and DOUBLE: a double sum and a row count per group. */
final class FloatSumAccumulator implements GroupAccumulator {
  private final SumFunction.Mode mode;
  private double[] sums = new double[GroupArrays.INITIAL];
  private long[] counts = new long[GroupArrays.INITIAL];

  FloatSumAccumulator(SumFunction.Mode mode) {
    this.mode = mode;
  }

  private void grow(int groupCount) {
    sums = GroupArrays.grow(sums, groupCount);
    counts = GroupArrays.grow(counts, groupCount);
  }

  @Override
  public void update(FieldVector[] arguments, int[] rows, int count, int[] groupIds,
      int groupCount) {
    grow(groupCount);
    if (count == 0) {
      return;
    }
    FieldVector argument = arguments[0];
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
    if (mode == SumFunction.Mode.SUM) {
      BitVector nonEmpty = (BitVector) state[1];
      for (int group = 0; group < groupCount; group++) {
        nonEmpty.set(group, counts[group] > 0 ? 1 : 0);
      }
    } else if (mode == SumFunction.Mode.AVG) {
      BigIntVector rowCounts = (BigIntVector) state[1];
      for (int group = 0; group < groupCount; group++) {
        rowCounts.set(group, counts[group]);
      }
    }
  }

  @Override
  public void merge(FieldVector[] state, int rowCount, int[] groupIds, int groupCount) {
    grow(groupCount);
    Float8Vector sumState = (Float8Vector) state[0];
    for (int row : StateRows.nonNull(sumState, rowCount)) {
      int group = groupIds[row];
      sums[group] += sumState.get(row);
      if (mode == SumFunction.Mode.SUM) {
        BitVector nonEmpty = (BitVector) state[1];
        counts[group] += !nonEmpty.isNull(row) && nonEmpty.get(row) == 1 ? 1 : 0;
      } else if (mode == SumFunction.Mode.AVG) {
        BigIntVector rowCounts = (BigIntVector) state[1];
        counts[group] += rowCounts.isNull(row) ? 0 : rowCounts.get(row);
      }
    }
  }

  private boolean empty(int group) {
    return counts[group] == 0 && mode != SumFunction.Mode.SUM0;
  }

  private double value(int group) {
    return mode == SumFunction.Mode.AVG ? sums[group] / counts[group] : sums[group];
  }

  @Override
  public void finish(FieldVector result, int groupCount) {
    grow(groupCount);
    if (result instanceof Float8Vector vector) {
      for (int group = 0; group < groupCount; group++) {
        if (!empty(group)) {
          vector.set(group, value(group));
        }
      }
    } else if (result instanceof Float4Vector vector) {
      for (int group = 0; group < groupCount; group++) {
        if (!empty(group)) {
          vector.set(group, (float) value(group));
        }
      }
    } else {
      throw new QuiverException(ErrorKind.INTERNAL, "SUM/AVG of a floating-point argument"
          + " into " + result.getField().getType() + " (a bug in Quiver)");
    }
  }
}
