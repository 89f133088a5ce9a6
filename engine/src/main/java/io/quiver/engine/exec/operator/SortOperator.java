package io.quiver.engine.exec.operator;

import io.quiver.engine.exec.AbstractOperator;
import io.quiver.engine.exec.ExecutionContext;
import io.quiver.engine.exec.Operator;
import io.quiver.engine.exec.batch.BatchAccumulator;
import io.quiver.engine.exec.batch.VectorGather;
import io.quiver.engine.exec.sort.PermutationSort;
import io.quiver.engine.exec.sort.SortKey;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * ORDER BY: accumulates all input rows (copied, see {@link BatchAccumulator}), sorts a
 * permutation of them ({@link PermutationSort}, stable) and returns the rows in order, gathered
 * into fresh batches of at most {@code context.batchSize()} rows.
 */
public final class SortOperator extends AbstractOperator {
  private final Operator input;
  private final List<SortKey> keys;
  private BatchAccumulator rows;
  private int[] permutation;
  private int[] window;
  private int position;

  public SortOperator(ExecutionContext context, Operator input, List<SortKey> keys) {
    super("Sort", context, input.schema(), List.of(input));
    this.input = input;
    this.keys = List.copyOf(Objects.requireNonNull(keys, "keys is null"));
  }

  @Override
  protected VectorSchemaRoot doNext() {
    if (permutation == null) {
      rows = new BatchAccumulator(schema, allocator());
      VectorSchemaRoot batch;
      while ((batch = input.next()) != null) {
        rows.append(batch);
      }
      permutation = PermutationSort.sort(rows.root(), keys);
      window = new int[Math.max(1, Math.min(context.batchSize(), permutation.length))];
    }
    int remaining = permutation.length - position;
    if (remaining <= 0) {
      releaseRows();
      return null;
    }
    int count = Math.min(context.batchSize(), remaining);
    System.arraycopy(permutation, position, window, 0, count);
    position += count;
    return emit(VectorGather.gather(rows.root(), window, count, allocator()));
  }


  private void releaseRows() {
    if (rows != null) {
      rows.close();
    }
  }

  @Override
  protected void release() {
    releaseRows();
  }

  @Override
  public String describe() {
    return "Sort[" + describeKeys(keys) + "]";
  }

  static String describeKeys(List<SortKey> keys) {
    StringBuilder text = new StringBuilder();
    for (SortKey key : keys) {
      if (text.length() > 0) {
        text.append(", ");
      }
      text.append('$').append(key.column()).append(key.descending() ? " DESC" : " ASC")
          .append(key.nullsFirst() ? " NULLS FIRST" : " NULLS LAST");
    }
    return text.toString();
  }
}
