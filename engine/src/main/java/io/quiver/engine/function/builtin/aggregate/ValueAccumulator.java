package io.quiver.engine.function.builtin.aggregate;

import io.quiver.udf.function.GroupAccumulator;
import org.apache.arrow.vector.FieldVector;

/**
 * What the MIN, MAX and ANY_VALUE accumulators share, whatever the value type: the state is the
 * kept value itself (NULL: none yet, see {@link ValueFunction}), so writing the state is
 * finishing into it, and merging adds its non-NULL rows as input rows would be added. Each
 * subclass keeps the values and has the per-row loop ({@link #add}), called once per batch.
 */
abstract class ValueAccumulator implements GroupAccumulator {
  final ValueFunction.Mode mode;

  ValueAccumulator(ValueFunction.Mode mode) {
    this.mode = mode;
  }

  /** Makes room for {@code groupCount} groups. */
  abstract void grow(int groupCount);

  /**
   * Offers rows {@code rows[0..count)} ({@code count > 0}) of {@code values}, none NULL, to
   * their groups ({@code groupIds[row]}); each group keeps the value {@link #mode} chooses.
   */
  abstract void add(FieldVector values, int[] rows, int count, int[] groupIds);

  @Override
  public final void update(FieldVector[] arguments, int[] rows, int count, int[] groupIds,
      int groupCount) {
    grow(groupCount);
    if (count > 0) {
      add(arguments[0], rows, count, groupIds);
    }
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
