package io.quiver.engine.exec.operator;

import io.quiver.engine.exec.AbstractOperator;
import io.quiver.engine.exec.ExecutionContext;
import io.quiver.engine.exec.Operator;
import io.quiver.engine.exec.batch.BatchAccumulator;
import io.quiver.engine.exec.batch.VectorGather;
import io.quiver.engine.exec.sort.PermutationSort;
import io.quiver.engine.exec.sort.RowComparator;
import io.quiver.engine.exec.sort.SortKey;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * ORDER BY with LIMIT/OFFSET: keeps at most about {@code 2 * (offset + fetch)} rows in memory.
 * Input rows are accumulated; whenever the buffer exceeds
 * {@code max(2 * (offset + fetch), batchSize)} rows it is sorted and compacted to the best
 * {@code offset + fetch}. At the end the buffer is sorted once more and the rows after
 * {@code offset} are returned in batches. The sort is stable, so ties keep input order.
 * After the first compaction the kept rows' last one is a threshold: an input row that does
 * not sort strictly before it cannot make the result (a tie loses to the earlier row), so each
 * input batch is filtered against it before anything is copied.
 * A negative {@code fetch} means no limit (a full sort that skips {@code offset} rows).
 */
public final class TopNOperator extends AbstractOperator {
  private final Operator input;
  private final List<SortKey> keys;
  private final long offset;
  private final long fetch;
  private final int keep;
  private final long compactAbove;
  private BatchAccumulator rows;
  private int[] permutation;
  private int[] window;
  private int[] selection = new int[0];
  private boolean haveThreshold;
  private int position;
  private int end;

  public TopNOperator(ExecutionContext context, Operator input, List<SortKey> keys, long offset,
      long fetch) {
    super("TopN", context, input.schema(), List.of(input));
    if (offset < 0) {
      throw new QuiverException(ErrorKind.INTERNAL, "negative OFFSET " + offset);
    }
    this.input = input;
    this.keys = List.copyOf(Objects.requireNonNull(keys, "keys is null"));
    this.offset = offset;
    this.fetch = fetch;
    long limit = fetch < 0 ? Long.MAX_VALUE : saturatedAdd(offset, fetch);
    // A buffer holds at most Integer.MAX_VALUE - 1 rows; a larger limit is a full sort.
    this.keep = (int) Math.min(limit, Integer.MAX_VALUE - 1L);
    this.compactAbove = Math.max(2L * keep, context.batchSize());
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  @Override
  protected VectorSchemaRoot doNext() {
    if (permutation == null) {
      if (fetch == 0) {
        permutation = new int[0];
        return null;
      }
      rows = new BatchAccumulator(schema, allocator());
      VectorSchemaRoot batch;
      while ((batch = input.next()) != null) {
        if (haveThreshold) {
          appendBetterRows(batch);
        } else {
          rows.append(batch);
        }
        if (rows.rowCount() > compactAbove) {
          compact();
          haveThreshold = rows.rowCount() == keep;
        }
      }
      permutation = PermutationSort.sort(rows.root(), keys);
      end = Math.min(permutation.length, keep);
      position = (int) Math.min(offset, end);
      window = new int[Math.max(1, Math.min(context.batchSize(), end - position))];
    }
    int remaining = end - position;
    if (remaining <= 0) {
      releaseRows();
      return null;
    }
    int count = Math.min(context.batchSize(), remaining);
    System.arraycopy(permutation, position, window, 0, count);
    position += count;
    return emit(VectorGather.gather(rows.root(), window, count, allocator()));
  }

  /** Appends the rows of {@code batch} that sort before the threshold (kept row keep - 1). */
  private void appendBetterRows(VectorSchemaRoot batch) {
    int count = batch.getRowCount();
    if (count == 0) {
      return;
    }
    if (selection.length < count) {
      selection = new int[count];
    }
    RowComparator comparator = RowComparator.create(batch, rows.root(), keys);
    int threshold = keep - 1;
    int selected = 0;
    for (int row = 0; row < count; row++) {
      if (comparator.compare(row, threshold) < 0) {
        selection[selected++] = row;
      }
    }
    if (selected == count) {
      rows.append(batch);
    } else if (selected > 0) {
      try (VectorSchemaRoot better = VectorGather.gather(batch, selection, selected,
          allocator())) {
        rows.append(better);
      }
    }
  }

  /** Sorts the buffer and keeps its best {@code keep} rows (in sorted order). */
  private void compact() {
    int[] order = PermutationSort.sort(rows.root(), keys);
    BatchAccumulator kept = new BatchAccumulator(schema, allocator());
    try (VectorSchemaRoot best = VectorGather.gather(rows.root(), order, keep, allocator())) {
      kept.append(best);
    } catch (RuntimeException e) {
      kept.close();
      throw e;
    }
    rows.close();
    rows = kept;
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
    return "TopN[" + SortOperator.describeKeys(keys) + ", offset=" + offset + ", fetch="
        + (fetch < 0 ? "ALL" : Long.toString(fetch)) + "]";
  }
}
