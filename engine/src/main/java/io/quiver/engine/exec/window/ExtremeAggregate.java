package io.quiver.engine.exec.window;

import io.quiver.engine.exec.sort.RowComparator;
import org.apache.arrow.vector.FieldVector;

/**
 * MIN or MAX over a sliding frame with a monotonic deque of row numbers: the deque holds the
 * rows of the frame that could still become the extreme, best first, so each row enters and
 * leaves it once. The result is the row holding the extreme ({@code -1}: none), later gathered
 * into a vector of the argument's type, which makes this work for every comparable type.
 */
final class ExtremeAggregate extends SlidingAggregate {
  private final RowComparator comparator;
  private final int sign;
  private final int[] deque;
  private final int[] resultRows;
  private int head;
  private int tail;

  /**
   * @param comparator compares two rows of the argument column (ascending)
   * @param maximum MAX rather than MIN
   * @param resultRows receives, per output row, the row holding the extreme or -1
   */
  ExtremeAggregate(FieldVector argument, RowComparator comparator,
      boolean maximum, int[] resultRows) {
    super(argument);
    this.comparator = comparator;
    this.sign = maximum ? -1 : 1;
    this.deque = new int[resultRows.length];
    this.resultRows = resultRows;
  }

  @Override
  void reset() {
    head = 0;
    tail = 0;
  }

  @Override
  void add(int row) {
    if (isNull(row)) {
      return;
    }
    // Rows not better than the new one can never be the extreme again.
    while (tail > head && sign * comparator.compare(deque[tail - 1], row) >= 0) {
      tail--;
    }
    deque[tail++] = row;
  }

  @Override
  void remove(int row) {
    if (tail > head && deque[head] == row) {
      head++;
    }
  }

  @Override
  void write(int row, int frameRows) {
    resultRows[row] = tail > head ? deque[head] : -1;
  }
}
