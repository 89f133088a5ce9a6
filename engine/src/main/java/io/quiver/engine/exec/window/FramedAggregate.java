package io.quiver.engine.exec.window;

import io.quiver.engine.exec.aggregate.GuardedAccumulator;
import io.quiver.engine.exec.batch.BitBuffers;
import io.quiver.engine.exec.batch.Validity;
import io.quiver.engine.exec.batch.VectorGather;
import io.quiver.engine.exec.sort.SortKey;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.AggregateFunction;
import io.quiver.udf.function.NullHandling;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A registry aggregate ({@link io.quiver.udf.function.GroupAccumulator}) over every row's
 * window frame. An accumulator adds rows and merges states but cannot take rows out again, so
 * the strategy, and the cost, depend on the frame:
 * <ul>
 *   <li><b>Whole partition</b> ({@code UNBOUNDED PRECEDING .. UNBOUNDED FOLLOWING}, or no ORDER
 *       BY with the default frame): one accumulator, one group per partition, every row added
 *       once, one finish; the partition's value is copied to its rows. O(n).</li>
 *   <li><b>Running</b> (frames starting at {@code UNBOUNDED PRECEDING}, ending anywhere: the
 *       end only moves forward): per partition, an accumulator with one group takes the rows
 *       as the frame end advances; after each advance its state is written
 *       ({@code writeState}) into a table with one row per distinct frame. At the end one
 *       accumulator merges that table (a group per distinct frame) and finishes it. O(n)
 *       updates plus one one-row writeState per distinct frame end, and an accumulator per
 *       partition; peers of a RANGE frame share one frame.</li>
 *   <li><b>Anything else</b> (sliding frames such as {@code ROWS BETWEEN 3 PRECEDING AND
 *       CURRENT ROW}, frames starting after the partition start): recomputed per row. Every
 *       row is its own group and gets the rows of its frame in one update call: O(sum of the
 *       frame sizes), for example O(n * k) for a frame of k rows. Built-in SUM, COUNT, AVG,
 *       MIN and MAX slide in O(1) per row instead (SlidingAggregate), as they can remove
 *       rows.</li>
 * </ul>
 * With strict null handling, rows where an argument is NULL are in no frame; a frame without
 * rows finishes as an empty group (usually NULL), as in SQL.
 */
final class FramedAggregate {
  private final WindowFunction function;
  private final RegistryWindowCall call;
  private final VectorSchemaRoot sorted;
  private final PartitionLayout layout;
  private final List<SortKey> orderKeys;
  private final BufferAllocator allocator;
  private final FieldVector[] arguments;
  private final int rowCount;
  /** The rows that take part, ascending; rows {@code [a, b)} are usable[rank[a] .. rank[b]). */
  private final int[] usable;
  private final int[] rank;
  private final int[] buffer;

  FramedAggregate(WindowFunction function, VectorSchemaRoot sorted, PartitionLayout layout,
      List<SortKey> orderKeys, BufferAllocator allocator) {
    this.function = function;
    this.call = function.call();
    this.sorted = sorted;
    this.layout = layout;
    this.orderKeys = orderKeys;
    this.allocator = allocator;
    this.rowCount = layout.rowCount();
    int[] columns = call.argumentColumns();
    arguments = new FieldVector[columns.length];
    for (int i = 0; i < columns.length; i++) {
      arguments[i] = sorted.getVector(columns[i]);
    }
    boolean strict = ((AggregateFunction) call.function().definition()).signature()
        .nullHandling() == NullHandling.STRICT;
    usable = new int[rowCount];
    rank = new int[rowCount + 1];
    buffer = new int[rowCount];
    long[] validity = new long[arguments.length];
    boolean noRows = false;
    for (int i = 0; i < arguments.length; i++) {
      if (arguments[i] instanceof NullVector) {
        noRows = strict;
      } else {
        validity[i] = strict ? Validity.addressIfNulls(arguments[i]) : 0;
      }
    }
    int count = 0;
    for (int row = 0; row < rowCount; row++) {
      rank[row] = count;
      boolean take = !noRows;
      for (int i = 0; take && i < validity.length; i++) {
        take = !BitBuffers.isNull(validity[i], row);
      }
      usable[count] = row;
      count += take ? 1 : 0;
    }
    rank[rowCount] = count;
  }

  /** Copies the usable rows of {@code [from, to)} to the start of {@code buffer}. */
  private int rowsBetween(int from, int to) {
    int first = rank[from];
    int count = rank[Math.max(from, to)] - first;
    System.arraycopy(usable, first, buffer, 0, count);
    return count;
  }

  private GuardedAccumulator newAccumulator() {
    return new GuardedAccumulator(call.function(), call.argumentTypes(),
        function.outputField(), allocator);
  }

  /** Writes every row's value into {@code output} (allocated here). */
  void compute(FieldVector output) {
    if (rowCount == 0) {
      return;
    }
    WindowFrame frame = function.frame();
    boolean fromStart = frame.lower().kind() == FrameBoundKind.UNBOUNDED_PRECEDING;
    boolean toEnd = frame.upper().kind() == FrameBoundKind.UNBOUNDED_FOLLOWING
        || !frame.rows() && orderKeys.isEmpty()
            && frame.upper().kind() == FrameBoundKind.CURRENT_ROW;
    if (fromStart && toEnd) {
      wholePartitions(output);
    } else if (fromStart) {
      runningFrames(output);
    } else {
      perRow(output);
    }
  }

  private void wholePartitions(FieldVector output) {
    int partitions = layout.partitionCount();
    int[] partitionOfRow = new int[rowCount];
    try (GuardedAccumulator accumulator = newAccumulator()) {
      for (int partition = 0; partition < partitions; partition++) {
        int start = layout.partitionStart(partition);
        int end = layout.partitionStart(partition + 1);
        java.util.Arrays.fill(partitionOfRow, start, end, partition);
        accumulator.at("on partition " + (partition + 1));
        accumulator.update(arguments, buffer, rowsBetween(start, end), partitionOfRow,
            partitions);
      }
      finishAndSpread(accumulator, partitions, partitionOfRow, output);
    }
  }

  private void runningFrames(FieldVector output) {
    FrameCursor cursor = new FrameCursor(function.frame(), layout, sorted, orderKeys);
    int[] stepOfRow = new int[rowCount];
    int[] groupZero = new int[rowCount];
    FieldVector[] scratch = null;
    FieldVector[] table = null;
    int steps = 0;
    try {
      for (int partition = 0; partition < layout.partitionCount(); partition++) {
        int start = layout.partitionStart(partition);
        int end = layout.partitionStart(partition + 1);
        cursor.startPartition(start, end);
        try (GuardedAccumulator running = newAccumulator()) {
          running.at("on partition " + (partition + 1));
          if (scratch == null) {
            scratch = running.newStateVectors(allocator);
            table = running.newStateVectors(allocator);
          }
          running.update(arguments, buffer, 0, groupZero, 1);
          int added = start;
          for (int row = start; row < end; row++) {
            int frameEnd = Math.max(cursor.end(row), start);
            if (frameEnd < added) {
              throw new QuiverException(ErrorKind.INTERNAL, "the frame end moved back from "
                  + added + " to " + frameEnd + " in " + function + " (a bug in Quiver)");
            }
            if (row == start || frameEnd > added) {
              int count = rowsBetween(added, frameEnd);
              if (count > 0) {
                running.update(arguments, buffer, count, groupZero, 1);
              }
              added = frameEnd;
              running.writeState(scratch, 1);
              for (int i = 0; i < table.length; i++) {
                table[i].copyFromSafe(0, steps, scratch[i]);
              }
              steps++;
            }
            stepOfRow[row] = steps - 1;
          }
        }
      }
      for (FieldVector column : table) {
        column.setValueCount(steps);
      }
      int[] identity = new int[steps];
      for (int i = 0; i < steps; i++) {
        identity[i] = i;
      }
      try (GuardedAccumulator merged = newAccumulator()) {
        merged.at("for the running frames of " + layout.partitionCount() + " partitions");
        merged.merge(table, steps, identity, steps);
        finishAndSpread(merged, steps, stepOfRow, output);
      }
    } finally {
      closeAll(scratch);
      closeAll(table);
    }
  }

  private void perRow(FieldVector output) {
    FrameCursor cursor = new FrameCursor(function.frame(), layout, sorted, orderKeys);
    int[] groupOfRow = new int[rowCount];
    try (GuardedAccumulator accumulator = newAccumulator()) {
      for (int partition = 0; partition < layout.partitionCount(); partition++) {
        int start = layout.partitionStart(partition);
        int end = layout.partitionStart(partition + 1);
        cursor.startPartition(start, end);
        accumulator.at("on partition " + (partition + 1));
        for (int row = start; row < end; row++) {
          int count = rowsBetween(cursor.start(row), cursor.end(row));
          if (count == 0) {
            continue;
          }
          for (int i = 0; i < count; i++) {
            groupOfRow[buffer[i]] = row;
          }
          accumulator.update(arguments, buffer, count, groupOfRow, rowCount);
        }
      }
      accumulator.finish(output, rowCount);
    }
  }

  /** Finishes {@code groups} groups and writes group {@code groupOfRow[row]} into each row. */
  private void finishAndSpread(GuardedAccumulator accumulator, int groups, int[] groupOfRow,
      FieldVector output) {
    try (FieldVector values = function.outputField().createVector(allocator)) {
      accumulator.finish(values, groups);
      VectorGather.gather(values, groupOfRow, rowCount, output);
    }
  }

  private static void closeAll(FieldVector[] vectors) {
    if (vectors != null) {
      for (FieldVector vector : vectors) {
        vector.close();
      }
    }
  }
}
