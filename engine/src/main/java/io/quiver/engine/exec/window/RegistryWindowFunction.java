package io.quiver.engine.exec.window;

import io.quiver.engine.exec.batch.BatchAccumulator;
import io.quiver.engine.exec.batch.VectorSlices;
import io.quiver.engine.exec.sort.SortKey;
import io.quiver.engine.function.FunctionBoundary;
import io.quiver.engine.function.FunctionFailures;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Runs a registry {@link io.quiver.udf.function.WindowFunction} once per partition: the
 * partition's argument rows as slices, frames and peers as partition-relative rows
 * ({@link PartitionView}), a result vector the host allocates for the partition's rows and
 * checks afterwards ({@link FunctionBoundary}). The partitions' results are appended into the
 * output in order. Anything the function throws is a USER_FUNCTION error naming it and the
 * partition, with the cause attached.
 */
final class RegistryWindowFunction {
  private final WindowFunction function;
  private final RegistryWindowCall call;
  private final io.quiver.udf.function.WindowFunction definition;
  private final VectorSchemaRoot sorted;
  private final PartitionLayout layout;
  private final List<SortKey> orderKeys;
  private final BufferAllocator allocator;
  private final String owner;

  RegistryWindowFunction(WindowFunction function, VectorSchemaRoot sorted,
      PartitionLayout layout, List<SortKey> orderKeys, BufferAllocator allocator) {
    this.function = function;
    this.call = function.call();
    this.definition = (io.quiver.udf.function.WindowFunction) call.function().definition();
    this.sorted = sorted;
    this.layout = layout;
    this.orderKeys = orderKeys;
    this.allocator = allocator;
    this.owner = FunctionFailures.describe("window", call.function());
  }

  /** Writes every row's value into {@code output}. */
  void compute(FieldVector output) {
    FrameCursor cursor = new FrameCursor(function.frame(), layout, sorted, orderKeys);
    int[] columns = call.argumentColumns();
    int[] frameStarts = new int[0];
    int[] frameEnds = new int[0];
    Schema single = new Schema(List.of(function.outputField()));
    try (BatchAccumulator results = new BatchAccumulator(single, allocator)) {
      for (int partition = 0; partition < layout.partitionCount(); partition++) {
        int start = layout.partitionStart(partition);
        int end = layout.partitionStart(partition + 1);
        int rows = end - start;
        if (frameStarts.length < rows) {
          frameStarts = new int[rows];
          frameEnds = new int[rows];
        }
        cursor.startPartition(start, end);
        for (int row = start; row < end; row++) {
          int frameStart = cursor.start(row);
          frameStarts[row - start] = frameStart - start;
          frameEnds[row - start] = Math.max(cursor.end(row), frameStart) - start;
        }
        FieldVector[] arguments = new FieldVector[columns.length];
        FieldVector result = function.outputField().createVector(allocator);
        try {
          for (int i = 0; i < columns.length; i++) {
            arguments[i] = VectorSlices.slice(sorted.getVector(columns[i]), start, rows,
                allocator);
          }
          String where = "on partition " + (partition + 1);
          FunctionBoundary.allocate(result, rows);
          try {
            definition.evaluate(new PartitionView(layout, start, rows, arguments, frameStarts,
                frameEnds, allocator), result);
          } catch (Throwable e) {
            throw FunctionBoundary.failure(call.function(), owner, e, where);
          }
          FunctionBoundary.check(result, rows, owner, where, "evaluate()");
          result.setValueCount(rows);
          results.append(new VectorSchemaRoot(single.getFields(), List.of(result), rows));
        } finally {
          result.close();
          for (FieldVector argument : arguments) {
            if (argument != null) {
              argument.close();
            }
          }
        }
      }
      // The accumulated column's buffers move to the output.
      results.root().getVector(0).makeTransferPair(output).transfer();
    }
  }
}
