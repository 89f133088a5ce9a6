package io.quiver.engine.exec.sort;

import io.quiver.engine.exec.batch.BitBuffers;

/**
 * Compares one sort key of a row of a left vector with a row of a right vector (the same
 * vector when comparing rows of one batch). NULL placement and direction are applied here;
 * subclasses (one per value representation, see {@link ColumnComparators}) compare non-null
 * values in ascending order by address, without boxing.
 *
 * <p>A comparator reads buffer addresses captured at creation: it is valid while the vectors'
 * buffers stay unchanged.
 */
abstract class ColumnComparator {
  private final long leftValidity;
  private final long rightValidity;
  private final boolean mayHaveNulls;
  private final int nullSign;
  private final boolean descending;

  ColumnComparator(ColumnComparators.Side left, ColumnComparators.Side right, SortKey key) {
    this.leftValidity = left.validity();
    this.rightValidity = right.validity();
    this.mayHaveNulls = left.validity() != 0 || right.validity() != 0;
    this.nullSign = key.nullsFirst() ? -1 : 1;
    this.descending = key.descending();
  }

  final int compare(int leftRow, int rightRow) {
    if (mayHaveNulls) {
      boolean leftNull = leftValidity != 0 && !BitBuffers.isSet(leftValidity, leftRow);
      boolean rightNull = rightValidity != 0 && !BitBuffers.isSet(rightValidity, rightRow);
      if (leftNull || rightNull) {
        if (leftNull && rightNull) {
          return 0;
        }
        return leftNull ? nullSign : -nullSign;
      }
    }
    int result = compareValues(leftRow, rightRow);
    return descending ? -result : result;
  }

  /** Ascending comparison of two non-null values. */
  abstract int compareValues(int leftRow, int rightRow);
}
