package io.quiver.engine.exec.window;

import io.quiver.engine.exec.sort.RowComparator;
import io.quiver.engine.exec.sort.SortKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The partitions and peer groups of rows already sorted by (partition columns, order keys):
 * partition {@code p} spans rows {@code [partitionStart(p), partitionStart(p + 1))}, and row
 * {@code i}'s peers (equal on the order keys within its partition; the whole partition when
 * there is no ORDER BY) span {@code [peerStart(i), peerEnd(i))}.
 */
public final class PartitionLayout {
  private final int rowCount;
  private final int[] partitionStarts;
  private final int[] peerStarts;
  private final int[] peerEnds;

  private PartitionLayout(int rowCount, int[] partitionStarts, int[] peerStarts,
      int[] peerEnds) {
    this.rowCount = rowCount;
    this.partitionStarts = partitionStarts;
    this.peerStarts = peerStarts;
    this.peerEnds = peerEnds;
  }

  /** Finds the boundaries in {@code sorted} (one comparison per row and key list). */
  public static PartitionLayout compute(VectorSchemaRoot sorted, List<Integer> partitionColumns,
      List<SortKey> orderKeys) {
    int rows = sorted.getRowCount();
    List<SortKey> partitionKeys = new ArrayList<>(partitionColumns.size());
    for (int column : partitionColumns) {
      partitionKeys.add(new SortKey(column, false, false));
    }
    RowComparator partitions = RowComparator.create(sorted, partitionKeys);
    RowComparator peers = RowComparator.create(sorted, orderKeys);
    int[] starts = new int[16];
    int partitionCount = 0;
    int[] peerStarts = new int[rows];
    int[] peerEnds = new int[rows];
    int groupStart = 0;
    for (int row = 0; row < rows; row++) {
      boolean newPartition = row == 0
          || (!partitionKeys.isEmpty() && partitions.compare(row - 1, row) != 0);
      if (newPartition) {
        if (partitionCount == starts.length) {
          starts = Arrays.copyOf(starts, starts.length * 2);
        }
        starts[partitionCount++] = row;
      }
      if (newPartition || (!orderKeys.isEmpty() && peers.compare(row - 1, row) != 0)) {
        for (int member = groupStart; member < row; member++) {
          peerEnds[member] = row;
        }
        groupStart = row;
      }
      peerStarts[row] = groupStart;
    }
    for (int member = groupStart; member < rows; member++) {
      peerEnds[member] = rows;
    }
    int[] partitionStarts = Arrays.copyOf(starts, partitionCount + 1);
    partitionStarts[partitionCount] = rows;
    return new PartitionLayout(rows, partitionStarts, peerStarts, peerEnds);
  }

  public int rowCount() {
    return rowCount;
  }

  public int partitionCount() {
    return partitionStarts.length - 1;
  }

  /** The first row of partition {@code partition}; {@code partitionStart(partitionCount())} is
   * the row count. */
  public int partitionStart(int partition) {
    return partitionStarts[partition];
  }

  public int peerStart(int row) {
    return peerStarts[row];
  }

  /** One past the last peer of {@code row}. */
  public int peerEnd(int row) {
    return peerEnds[row];
  }
}
