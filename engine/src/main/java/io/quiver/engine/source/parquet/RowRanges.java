package io.quiver.engine.source.parquet;

import java.util.Arrays;

/**
 * The rows of one row group a scan reads: sorted, disjoint, non-adjacent half-open ranges
 * {@code [start, end)} of row indexes (0 is the row group's first row). Built in ascending
 * order with a {@link Builder}, combined with {@link #intersect}. Immutable.
 */
final class RowRanges {
  private static final RowRanges EMPTY = new RowRanges(new long[0], new long[0]);

  private final long[] starts;
  private final long[] ends;

  private RowRanges(long[] starts, long[] ends) {
    this.starts = starts;
    this.ends = ends;
  }

  /** Every row of a row group of {@code rows} rows. */
  static RowRanges all(long rows) {
    return rows <= 0 ? EMPTY : new RowRanges(new long[] {0}, new long[] {rows});
  }

  static RowRanges empty() {
    return EMPTY;
  }

  /** The number of ranges. */
  int size() {
    return starts.length;
  }

  long start(int range) {
    return starts[range];
  }

  long end(int range) {
    return ends[range];
  }

  boolean isEmpty() {
    return starts.length == 0;
  }

  /** The number of rows in all ranges. */
  long rowCount() {
    long rows = 0;
    for (int i = 0; i < starts.length; i++) {
      rows += ends[i] - starts[i];
    }
    return rows;
  }

  /** True when some range shares a row with {@code [from, to)}. */
  boolean overlaps(long from, long to) {
    int i = firstEndingAfter(from);
    return i < starts.length && starts[i] < to;
  }

  /** The index of the first range whose end lies after {@code row}, or {@link #size()}. */
  int firstEndingAfter(long row) {
    int low = 0;
    int high = starts.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (ends[middle] <= row) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /** The rows in both this and {@code other}. */
  RowRanges intersect(RowRanges other) {
    Builder result = new Builder();
    int i = 0;
    int j = 0;
    while (i < starts.length && j < other.starts.length) {
      long from = Math.max(starts[i], other.starts[j]);
      long to = Math.min(ends[i], other.ends[j]);
      if (from < to) {
        result.add(from, to);
      }
      if (ends[i] < other.ends[j]) {
        i++;
      } else {
        j++;
      }
    }
    return result.build();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RowRanges ranges && Arrays.equals(starts, ranges.starts)
        && Arrays.equals(ends, ranges.ends);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(starts) + Arrays.hashCode(ends);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < starts.length; i++) {
      text.append(i == 0 ? "" : ", ").append(starts[i]).append("..").append(ends[i]);
    }
    return text.append(']').toString();
  }

  /** Collects ranges given in ascending order, merging those that touch or overlap. */
  static final class Builder {
    private long[] starts = new long[8];
    private long[] ends = new long[8];
    private int size;

    /** Adds {@code [from, to)}; {@code from} must not lie before the last range's start. */
    Builder add(long from, long to) {
      if (from >= to) {
        return this;
      }
      if (size > 0 && from < starts[size - 1]) {
        throw new IllegalArgumentException("row range " + from + ".." + to
            + " added after one starting at " + starts[size - 1]);
      }
      if (size > 0 && from <= ends[size - 1]) {
        ends[size - 1] = Math.max(ends[size - 1], to);
        return this;
      }
      if (size == starts.length) {
        starts = Arrays.copyOf(starts, size * 2);
        ends = Arrays.copyOf(ends, size * 2);
      }
      starts[size] = from;
      ends[size] = to;
      size++;
      return this;
    }

    RowRanges build() {
      return size == 0 ? EMPTY
          : new RowRanges(Arrays.copyOf(starts, size), Arrays.copyOf(ends, size));
    }
  }
}
