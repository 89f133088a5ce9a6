package io.quiver.engine.function.builtin.aggregate;

import io.quiver.engine.exec.aggregate.GroupRunAccumulator;
import io.quiver.engine.exec.aggregate.RowsByGroup;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/** The counts of {@link CountFunction}: one long per group. */
final class CountAccumulator implements GroupRunAccumulator {
  private long[] counts = new long[GroupArrays.INITIAL];

  @Override
  public void update(FieldVector[] arguments, int[] rows, int count, int[] groupIds,
      int groupCount) {
    counts = GroupArrays.grow(counts, groupCount);
    long[] state = counts;
    if (groupCount == 1) {
      state[0] += count; // every row is in group 0
      return;
    }
    for (int i = 0; i < count; i++) {
      state[groupIds[rows[i]]]++;
    }
  }

  @Override
  public void updateRuns(FieldVector[] arguments, RowsByGroup byGroup) {
    int groupCount = byGroup.groupCount();
    counts = GroupArrays.grow(counts, groupCount);
    int[] starts = byGroup.starts();
    for (int group = 0; group < groupCount; group++) {
      counts[group] += starts[group + 1] - starts[group];
    }
  }

  @Override
  public void writeState(FieldVector[] state, int groupCount) {
    finish(state[0], groupCount);
  }

  @Override
  public void merge(FieldVector[] state, int rowCount, int[] groupIds, int groupCount) {
    counts = GroupArrays.grow(counts, groupCount);
    BigIntVector partial = (BigIntVector) state[0];
    for (int row : StateRows.nonNull(partial, rowCount)) {
      counts[groupIds[row]] += partial.get(row);
    }
  }

  @Override
  public void finish(FieldVector result, int groupCount) {
    counts = GroupArrays.grow(counts, groupCount);
    BigIntVector vector = (BigIntVector) result;
    for (int group = 0; group < groupCount; group++) {
      vector.set(group, counts[group]);
    }
  }
}
