package io.quiver.engine.function.builtin.aggregate;

import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;

/**
 * What the SUM, $SUM0 and AVG accumulators share, whatever the sum is held in: the row count per
 * group, its state column after the sum (SUM's {@code non_empty} flag, AVG's {@code count};
 * $SUM0 has none, see {@link SumFunction}), which groups give NULL, and results into DOUBLE or
 * REAL.
 */
abstract class SumAccumulator extends OneArgumentAccumulator {
  final SumFunction.Mode mode;
  /** Rows added per group (after a merge of $SUM0 state: only those added by update). */
  long[] counts = new long[GroupArrays.INITIAL];

  SumAccumulator(SumFunction.Mode mode) {
    this.mode = mode;
  }

  /** The sum of {@code group} as a double, divided by its count for AVG. */
  abstract double doubleValue(int group);

  /** Writes the state column after the sum, {@code state[1]}, if the mode has one. */
  final void writeCountState(FieldVector[] state, int groupCount) {
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

  /**
   * The rows that state row {@code row} stands for, as its column after the sum tells: 1 or 0
   * for SUM's flag, the count for AVG, 0 for $SUM0 (whose count is never read).
   */
  final long countState(FieldVector[] state, int row) {
    if (mode == SumFunction.Mode.SUM) {
      BitVector nonEmpty = (BitVector) state[1];
      return !nonEmpty.isNull(row) && nonEmpty.get(row) == 1 ? 1 : 0;
    } else if (mode == SumFunction.Mode.AVG) {
      BigIntVector rowCounts = (BigIntVector) state[1];
      return rowCounts.isNull(row) ? 0 : rowCounts.get(row);
    }
    return 0;
  }

  /** Whether {@code group}'s result is NULL: no rows, except for $SUM0 (which gives 0). */
  final boolean empty(int group) {
    return counts[group] == 0 && mode != SumFunction.Mode.SUM0;
  }

  /**
   * Writes every group's {@link #doubleValue} into a DOUBLE or REAL result and returns true;
   * returns false, writing nothing, for any other result type.
   */
  final boolean finishFloating(FieldVector result, int groupCount) {
    if (result instanceof Float8Vector vector) {
      for (int group = 0; group < groupCount; group++) {
        if (!empty(group)) {
          vector.set(group, doubleValue(group));
        }
      }
      return true;
    }
    if (result instanceof Float4Vector vector) {
      for (int group = 0; group < groupCount; group++) {
        if (!empty(group)) {
          vector.set(group, (float) doubleValue(group));
        }
      }
      return true;
    }
    return false;
  }
}
