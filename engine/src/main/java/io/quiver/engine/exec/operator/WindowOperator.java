package io.quiver.engine.exec.operator;

import io.quiver.engine.exec.AbstractOperator;
import io.quiver.engine.exec.ExecutionContext;
import io.quiver.engine.exec.Operator;
import io.quiver.engine.exec.batch.BatchAccumulator;
import io.quiver.engine.exec.batch.VectorGather;
import io.quiver.engine.exec.batch.VectorSlices;
import io.quiver.engine.exec.sort.PermutationSort;
import io.quiver.engine.exec.sort.SortKey;
import io.quiver.engine.exec.window.PartitionLayout;
import io.quiver.engine.exec.window.WindowEvaluator;
import io.quiver.engine.exec.window.WindowFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Window functions ({@code f(...) OVER (PARTITION BY ... ORDER BY ... frame)}) sharing one
 * partitioning and ordering. Accumulates the input, sorts it by (partition columns ascending,
 * order keys) with a stable sort, finds partitions and peer groups once, computes each function
 * over the sorted rows ({@link WindowEvaluator}), and returns the input columns followed by one
 * column per function, in the sorted order, as zero-copy slices of at most
 * {@code context.batchSize()} rows.
 */
public final class WindowOperator extends AbstractOperator {
  private final Operator input;
  private final List<Integer> partitionColumns;
  private final List<SortKey> orderKeys;
  private final List<WindowFunction> functions;
  private VectorSchemaRoot result;
  private boolean computed;
  private int position;

  public WindowOperator(ExecutionContext context, Operator input, List<Integer> partitionColumns,
      List<SortKey> orderKeys, List<WindowFunction> functions) {
    super("Window", context, outputSchema(input.schema(), functions), List.of(input));
    this.input = input;
    this.partitionColumns = List.copyOf(Objects.requireNonNull(partitionColumns,
        "partitionColumns is null"));
    this.orderKeys = List.copyOf(Objects.requireNonNull(orderKeys, "orderKeys is null"));
    this.functions = List.copyOf(functions);
  }

  private static Schema outputSchema(Schema inputSchema, List<WindowFunction> functions) {
    List<Field> fields = new ArrayList<>(inputSchema.getFields());
    for (WindowFunction function : functions) {
      fields.add(function.outputField());
    }
    return new Schema(fields);
  }

  @Override
  protected VectorSchemaRoot doNext() {
    if (!computed) {
      computed = true;
      result = compute();
    }
    if (result == null) {
      return null;
    }
    int remaining = result.getRowCount() - position;
    if (remaining <= 0) {
      result.close();
      result = null;
      return null;
    }
    int count = Math.min(context.batchSize(), remaining);
    // A slice shares the result's buffers (reference-counted).
    VectorSchemaRoot slice = VectorSlices.slice(result, position, count, allocator());
    position += count;
    return emit(slice);
  }

  private VectorSchemaRoot compute() {
    VectorSchemaRoot sorted;
    try (BatchAccumulator rows = new BatchAccumulator(input.schema(), allocator())) {
      VectorSchemaRoot batch;
      while ((batch = input.next()) != null) {
        rows.append(batch);
      }
      if (rows.rowCount() == 0) {
        return null;
      }
      List<SortKey> keys = new ArrayList<>(partitionColumns.size() + orderKeys.size());
      for (int column : partitionColumns) {
        keys.add(new SortKey(column, false, false));
      }
      keys.addAll(orderKeys);
      if (keys.isEmpty()) {
        // Input order is the order: share the accumulated buffers instead of copying them.
        sorted = VectorSlices.slice(rows.root(), 0, rows.rowCount(), allocator());
      } else {
        int[] permutation = PermutationSort.sort(rows.root(), keys);
        sorted = VectorGather.gather(rows.root(), permutation, rows.rowCount(), allocator());
      }
    }
    List<FieldVector> columns = new ArrayList<>(sorted.getFieldVectors());
    try {
      PartitionLayout layout = PartitionLayout.compute(sorted, partitionColumns, orderKeys);
      WindowEvaluator evaluator = new WindowEvaluator(sorted, layout, orderKeys, allocator());
      for (WindowFunction function : functions) {
        columns.add(evaluator.evaluate(function));
      }
    } catch (RuntimeException e) {
      columns.forEach(FieldVector::close);
      throw e;
    }
    return new VectorSchemaRoot(schema.getFields(), columns, sorted.getRowCount());
  }


  @Override
  protected void release() {
    if (result != null) {
      result.close();
      result = null;
    }
  }

  @Override
  public String describe() {
    return "Window[partition=" + partitionColumns + ", order=["
        + SortOperator.describeKeys(orderKeys) + "], functions=" + functions + "]";
  }
}
