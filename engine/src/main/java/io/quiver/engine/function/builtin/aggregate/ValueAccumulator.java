package io.quiver.engine.function.builtin.aggregate;

import org.apache.arrow.vector.FieldVector;

/**
 * What the MIN, MAX and ANY_VALUE accumulators share, whatever the value type: the state is the
 * kept value itself (NULL: none yet, see {@link ValueFunction}), so writing the state is
 * finishing into it, and merging adds its non-NULL rows as input rows are added: {@link #add}
 * keeps, per group, the value {@link #mode} chooses.
 */
abstract class ValueAccumulator extends OneArgumentAccumulator {
  final ValueFunction.Mode mode;

  ValueAccumulator(ValueFunction.Mode mode) {
    this.mode = mode;
  }

  @Override
  public final void writeState(FieldVector[] state, int groupCount) {
    finish(state[0], groupCount);
  }

  @Override
  public final void merge(FieldVector[] state, int rowCount, int[] groupIds, int groupCount) {
    grow(groupCount);
    int[] rows = StateRows.nonNull(state[0], rowCount);
    if (rows.length > 0) {
      add(state[0], rows, rows.length, groupIds);
    }
  }
}
