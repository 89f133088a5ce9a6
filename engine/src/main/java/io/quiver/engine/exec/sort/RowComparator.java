package io.quiver.engine.exec.sort;

import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Compares rows by a list of {@link SortKey}s with one typed comparator per key (no boxing).
 * Either both rows come from one root ({@link #create(VectorSchemaRoot, List)}) or the left row
 * from one root and the right row from another of the same schema
 * ({@link #create(VectorSchemaRoot, VectorSchemaRoot, List)}, for merges and top-N).
 *
 * <p>The comparator captures buffer addresses: it stays valid while the roots' buffers are
 * unchanged (re-create it after appending to or re-allocating a root).
 */
public final class RowComparator {
  private final ColumnComparator[] columns;
  private final ColumnComparator first;
  private final List<SortKey> keys;

  private RowComparator(ColumnComparator[] columns, List<SortKey> keys) {
    this.columns = columns;
    this.first = columns.length == 0 ? null : columns[0];
    this.keys = keys;
  }

  /** Compares two rows of {@code root}. */
  public static RowComparator create(VectorSchemaRoot root, List<SortKey> keys) {
    return create(root, root, keys);
  }

  /** Compares a row of {@code left} with a row of {@code right} (same column types). */
  public static RowComparator create(VectorSchemaRoot left, VectorSchemaRoot right,
      List<SortKey> keys) {
    ColumnComparator[] columns = new ColumnComparator[keys.size()];
    for (int k = 0; k < columns.length; k++) {
      SortKey key = keys.get(k);
      columns[k] = ColumnComparators.create(left.getVector(key.column()),
          right.getVector(key.column()), key);
    }
    return new RowComparator(columns, List.copyOf(keys));
  }

  /** Negative, zero or positive as the left row sorts before, with, or after the right row. */
  public int compare(int leftRow, int rightRow) {
    if (first == null) {
      return 0;
    }
    int result = first.compare(leftRow, rightRow);
    if (result != 0) {
      return result;
    }
    for (int k = 1; k < columns.length; k++) {
      result = columns[k].compare(leftRow, rightRow);
      if (result != 0) {
        return result;
      }
    }
    return 0;
  }

  public List<SortKey> keys() {
    return keys;
  }
}
