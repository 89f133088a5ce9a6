package io.quiver.engine.exec.aggregate;

import io.quiver.udf.function.NullHandling;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The accumulators of one hash aggregate. Before an accumulator sees a batch its row list is
 * narrowed, in this order: FILTER (only rows whose filter column is TRUE), strict null
 * handling (no row where an argument is NULL), DISTINCT (only the first occurrence of each
 * (group, arguments) pair). Built-in and user aggregates go through the same steps and the
 * same {@link GuardedAccumulator} boundary.
 *
 * <p>With few groups, accumulators that take it ({@link GroupRunAccumulator}) and whose rows
 * were not narrowed get the batch ordered by group ({@link RowsByGroup}, built once per batch).
 */
public final class GroupedAccumulators implements AutoCloseable {
  private final List<AggregateSpec> specs;
  private final List<GuardedAccumulator> accumulators = new ArrayList<>();
  private final boolean[] strict;
  private final DistinctRows[] distinct;
  private final int[][] argumentColumns;
  private final FieldVector[][] arguments;
  private int[] allRows = new int[0];
  private int[] selected = new int[0];
  private final RowsByGroup byGroup = new RowsByGroup();
  private long batchNumber;

  /** Creates one accumulator per call, allocating from children of {@code allocator}. */
  public GroupedAccumulators(List<AggregateSpec> specs, BufferAllocator allocator) {
    this.specs = List.copyOf(specs);
    int count = this.specs.size();
    strict = new boolean[count];
    distinct = new DistinctRows[count];
    argumentColumns = new int[count][];
    arguments = new FieldVector[count][];
    try {
      for (int i = 0; i < count; i++) {
        AggregateSpec spec = this.specs.get(i);
        accumulators.add(new GuardedAccumulator(spec.function(), spec.argumentTypes(),
            spec.output(), allocator));
        strict[i] = spec.aggregate().signature().nullHandling() == NullHandling.STRICT;
        if (spec.distinct() && spec.argumentTypes().size() > 0) {
          distinct[i] = new DistinctRows();
        }
        argumentColumns[i] = spec.arguments();
        arguments[i] = new FieldVector[argumentColumns[i].length];
      }
    } catch (RuntimeException e) {
      try {
        GuardedAccumulator.closeAll(accumulators);
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** Adds the first {@code rows} rows of {@code batch}; row i belongs to group groupIds[i]. */
  public void update(VectorSchemaRoot batch, int rows, int[] groupIds, int groupCount) {
    batchNumber++;
    if (allRows.length < rows) {
      allRows = new int[rows];
      selected = new int[rows];
      for (int i = 0; i < rows; i++) {
        allRows[i] = i;
      }
    }
    boolean ordered = false;
    for (int a = 0; a < specs.size(); a++) {
      AggregateSpec spec = specs.get(a);
      FieldVector[] values = arguments[a];
      int[] columns = argumentColumns[a];
      for (int i = 0; i < values.length; i++) {
        values[i] = batch.getVector(columns[i]);
      }
      int[] use = allRows;
      int count = rows;
      if (spec.filterColumn() >= 0) {
        count = RowSelection.keepTrue((BitVector) batch.getVector(spec.filterColumn()), use,
            count, selected);
        use = selected;
      }
      if (strict[a] && RowSelection.anyNull(values)) {
        count = RowSelection.keepNonNull(values, use, count, selected);
        use = selected;
      }
      if (distinct[a] != null) {
        count = distinct[a].keepFirst(values, rows, use, count, groupIds, selected);
        use = selected;
      }
      GuardedAccumulator accumulator = accumulators.get(a);
      accumulator.at("on batch " + batchNumber);
      if (use == allRows && accumulator.takesRuns() && RowsByGroup.worthIt(rows, groupCount)) {
        if (!ordered) {
          byGroup.build(groupIds, rows, groupCount);
          ordered = true;
        }
        accumulator.updateRuns(values, byGroup);
      } else {
        accumulator.update(values, use, count, groupIds, groupCount);
      }
    }
  }

  /**
   * Writes the results of groups {@code [0, groupCount)}, call i into {@code outputs.get(i)}
   * (created by the caller, allocated here; the caller closes them, also on failure).
   */
  public void finish(List<FieldVector> outputs, int groupCount) {
    for (int a = 0; a < specs.size(); a++) {
      accumulators.get(a).finish(outputs.get(a), groupCount);
    }
  }

  @Override
  public void close() {
    GuardedAccumulator.closeAll(accumulators);
  }
}
