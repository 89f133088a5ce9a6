package io.quiver.engine.exec.sort;

/**
 * A stable bottom-up merge sort of (prefix, row) pairs held in parallel primitive arrays:
 * pairs order by prefix, then by {@code tieBreak} on the rows (none: equal), and equal pairs
 * keep their order. Runs of 32 are insertion-sorted first; merges of runs already in order are
 * plain copies.
 */
final class PrefixMergeSort {
  private static final int RUN = 32;

  private long[] prefixes;
  private int[] rows;
  private final int count;
  private final RowComparator tieBreak;

  PrefixMergeSort(long[] prefixes, int[] rows, int count, RowComparator tieBreak) {
    this.prefixes = prefixes;
    this.rows = rows;
    this.count = count;
    this.tieBreak = tieBreak;
  }

  private int compare(long leftPrefix, int leftRow, long rightPrefix, int rightRow) {
    if (leftPrefix != rightPrefix) {
      return leftPrefix < rightPrefix ? -1 : 1;
    }
    return tieBreak == null ? 0 : tieBreak.compare(leftRow, rightRow);
  }

  /** Sorts the first {@code count} pairs in place (in the arrays given to the constructor). */
  void sort() {
    if (count < 2) {
      return;
    }
    for (int low = 0; low < count; low += RUN) {
      insertionSort(low, Math.min(low + RUN, count));
    }
    if (count <= RUN) {
      return;
    }
    long[] originalPrefixes = prefixes;
    int[] originalRows = rows;
    long[] otherPrefixes = new long[count];
    int[] otherRows = new int[count];
    for (int width = RUN; width < count; width = width > count / 2 ? count : width * 2) {
      for (int low = 0; low < count; low += 2 * width) {
        int middle = (int) Math.min((long) low + width, count);
        int high = (int) Math.min((long) low + 2L * width, count);
        merge(otherPrefixes, otherRows, low, middle, high);
        if (high == count) {
          break;
        }
      }
      long[] swapPrefixes = prefixes;
      prefixes = otherPrefixes;
      otherPrefixes = swapPrefixes;
      int[] swapRows = rows;
      rows = otherRows;
      otherRows = swapRows;
    }
    if (rows != originalRows) {
      System.arraycopy(prefixes, 0, originalPrefixes, 0, count);
      System.arraycopy(rows, 0, originalRows, 0, count);
      prefixes = originalPrefixes;
      rows = originalRows;
    }
  }

  private void insertionSort(int from, int to) {
    for (int i = from + 1; i < to; i++) {
      long prefix = prefixes[i];
      int row = rows[i];
      int j = i - 1;
      while (j >= from && compare(prefixes[j], rows[j], prefix, row) > 0) {
        prefixes[j + 1] = prefixes[j];
        rows[j + 1] = rows[j];
        j--;
      }
      prefixes[j + 1] = prefix;
      rows[j + 1] = row;
    }
  }

  private void merge(long[] targetPrefixes, int[] targetRows, int low, int middle, int high) {
    if (middle >= high
        || compare(prefixes[middle - 1], rows[middle - 1], prefixes[middle], rows[middle]) <= 0) {
      System.arraycopy(prefixes, low, targetPrefixes, low, high - low);
      System.arraycopy(rows, low, targetRows, low, high - low);
      return;
    }
    int left = low;
    int right = middle;
    int out = low;
    while (left < middle && right < high) {
      if (compare(prefixes[right], rows[right], prefixes[left], rows[left]) < 0) {
        targetPrefixes[out] = prefixes[right];
        targetRows[out++] = rows[right++];
      } else {
        targetPrefixes[out] = prefixes[left];
        targetRows[out++] = rows[left++];
      }
    }
    while (left < middle) {
      targetPrefixes[out] = prefixes[left];
      targetRows[out++] = rows[left++];
    }
    while (right < high) {
      targetPrefixes[out] = prefixes[right];
      targetRows[out++] = rows[right++];
    }
  }
}
