package io.quiver.engine.exec.sort;

import io.quiver.engine.exec.batch.BitBuffers;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.Types.MinorType;

/**
 * Sorts the rows of a batch into a permutation ({@code int[]} of row indexes), stably: rows
 * that compare equal keep their input order, so the result is deterministic.
 *
 * <p>Three paths, all stable:
 * <ul>
 *   <li>A single key of up to 32 bits (BOOLEAN, TINYINT, SMALLINT, INTEGER, DATE, INTERVAL YEAR
 *       TO MONTH): NULL rows are set aside, the others are packed as {@code (key << 32) | row}
 *       into a {@code long[]} and sorted as primitives.</li>
 *   <li>A first key with a {@link SortPrefix} (numbers, dates, times, strings, decimals): NULL
 *       rows of the first key are set aside, the others are merge-sorted as (64-bit prefix,
 *       row) pairs held in parallel arrays, which reads memory sequentially; equal prefixes
 *       fall back to a {@link RowComparator} (the remaining keys, or all keys when the prefix
 *       is not exact). The NULL rows are sorted by the remaining keys.</li>
 *   <li>Otherwise a bottom-up merge sort of row numbers with a {@link RowComparator}
 *       (insertion-sorted runs of 32, merges that skip already ordered runs).</li>
 * </ul>
 */
public final class PermutationSort {
  private static final int RUN = 32;

  private PermutationSort() {}

  /** The rows {@code 0..root.getRowCount()-1} in sorted order. */
  public static int[] sort(VectorSchemaRoot root, List<SortKey> keys) {
    int rows = root.getRowCount();
    int[] permutation = new int[rows];
    for (int i = 0; i < rows; i++) {
      permutation[i] = i;
    }
    if (rows < 2 || keys.isEmpty()) {
      return permutation;
    }
    if (keys.size() == 1 && sortPacked(root.getVector(keys.get(0).column()), keys.get(0), rows,
        permutation)) {
      return permutation;
    }
    if (sortByPrefix(root, keys, rows, permutation)) {
      return permutation;
    }
    sort(permutation, 0, rows, RowComparator.create(root, keys));
    return permutation;
  }

  private static boolean sortByPrefix(VectorSchemaRoot root, List<SortKey> keys, int rows,
      int[] permutation) {
    SortKey first = keys.get(0);
    FieldVector vector = root.getVector(first.column());
    int kind = SortPrefix.kind(vector);
    if (!SortPrefix.isSupported(kind)) {
      return false;
    }
    long validity = io.quiver.engine.exec.batch.Validity.nullCount(vector) > 0 ? vector.getValidityBufferAddress() : 0;
    int[] values = new int[rows];
    int[] nulls = validity == 0 ? null : new int[rows];
    int valueCount = 0;
    int nullCount = 0;
    for (int row = 0; row < rows; row++) {
      if (validity != 0 && !BitBuffers.isSet(validity, row)) {
        nulls[nullCount++] = row;
      } else {
        values[valueCount++] = row;
      }
    }
    RowComparator rest = keys.size() > 1
        ? RowComparator.create(root, keys.subList(1, keys.size())) : null;
    RowComparator tieBreak = SortPrefix.isExact(kind) ? rest : RowComparator.create(root, keys);
    long[] prefixes = new long[valueCount];
    SortPrefix.fill(vector, values, valueCount, first.descending(), prefixes);
    new PrefixMergeSort(prefixes, values, valueCount, tieBreak).sort();
    if (rest != null && nullCount > 1) {
      sort(nulls, 0, nullCount, rest);
    }
    int out = 0;
    if (first.nullsFirst() && nullCount > 0) {
      System.arraycopy(nulls, 0, permutation, 0, nullCount);
      out = nullCount;
    }
    System.arraycopy(values, 0, permutation, out, valueCount);
    if (!first.nullsFirst() && nullCount > 0) {
      System.arraycopy(nulls, 0, permutation, valueCount, nullCount);
    }
    return true;
  }

  /** Stably sorts {@code rows[from..to)} by {@code comparator}. */
  public static void sort(int[] rows, int from, int to, RowComparator comparator) {
    int length = to - from;
    if (length < 2) {
      return;
    }
    for (int low = from; low < to; low += RUN) {
      insertionSort(rows, low, Math.min(low + RUN, to), comparator);
    }
    if (length <= RUN) {
      return;
    }
    int[] source = rows;
    int[] target = new int[rows.length];
    for (int width = RUN; width < length; width = width > length / 2 ? length : width * 2) {
      for (int low = from; low < to; low += 2 * width) {
        int middle = (int) Math.min((long) low + width, to);
        int high = (int) Math.min((long) low + 2L * width, to);
        merge(source, target, low, middle, high, comparator);
        if (high == to) {
          break;
        }
      }
      int[] swap = source;
      source = target;
      target = swap;
    }
    if (source != rows) {
      System.arraycopy(source, from, rows, from, length);
    }
  }

  private static void insertionSort(int[] rows, int from, int to, RowComparator comparator) {
    for (int i = from + 1; i < to; i++) {
      int row = rows[i];
      int j = i - 1;
      while (j >= from && comparator.compare(rows[j], row) > 0) {
        rows[j + 1] = rows[j];
        j--;
      }
      rows[j + 1] = row;
    }
  }

  private static void merge(int[] source, int[] target, int low, int middle, int high,
      RowComparator comparator) {
    if (middle >= high || comparator.compare(source[middle - 1], source[middle]) <= 0) {
      System.arraycopy(source, low, target, low, high - low);
      return;
    }
    int left = low;
    int right = middle;
    int out = low;
    while (left < middle && right < high) {
      if (comparator.compare(source[right], source[left]) < 0) {
        target[out++] = source[right++];
      } else {
        target[out++] = source[left++];
      }
    }
    while (left < middle) {
      target[out++] = source[left++];
    }
    while (right < high) {
      target[out++] = source[right++];
    }
  }

  /** The packed fast path for one narrow integer key; false when it does not apply. */
  private static boolean sortPacked(FieldVector vector, SortKey key, int rows,
      int[] permutation) {
    MinorType type = vector.getMinorType();
    int width;
    switch (type) {
      case BIT -> width = 0;
      case TINYINT -> width = 1;
      case SMALLINT -> width = 2;
      case INT, DATEDAY, INTERVALYEAR -> width = 4;
      default -> {
        return false;
      }
    }
    long data = vector.getDataBufferAddress();
    long validity = io.quiver.engine.exec.batch.Validity.nullCount(vector) > 0 ? vector.getValidityBufferAddress() : 0;
    long[] packed = new long[rows];
    int[] nulls = validity == 0 ? null : new int[rows];
    int valueCount = 0;
    int nullCount = 0;
    boolean descending = key.descending();
    for (int row = 0; row < rows; row++) {
      if (validity != 0 && !BitBuffers.isSet(validity, row)) {
        nulls[nullCount++] = row;
        continue;
      }
      int value = switch (width) {
        case 0 -> BitBuffers.get(data, row);
        case 1 -> MemoryUtil.getByte(data + row);
        case 2 -> MemoryUtil.getShort(data + 2L * row);
        default -> MemoryUtil.getInt(data + 4L * row);
      };
      if (descending) {
        value = ~value;
      }
      packed[valueCount++] = ((long) value << 32) | row;
    }
    Arrays.sort(packed, 0, valueCount);
    int out = 0;
    if (key.nullsFirst()) {
      for (int i = 0; i < nullCount; i++) {
        permutation[out++] = nulls[i];
      }
    }
    for (int i = 0; i < valueCount; i++) {
      permutation[out++] = (int) packed[i];
    }
    if (!key.nullsFirst()) {
      for (int i = 0; i < nullCount; i++) {
        permutation[out++] = nulls[i];
      }
    }
    return true;
  }
}
