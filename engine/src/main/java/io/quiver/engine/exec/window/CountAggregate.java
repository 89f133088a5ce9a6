package io.quiver.engine.exec.window;

import org.apache.arrow.vector.FieldVector;

/** COUNT(argument) (non-NULL rows) or COUNT(*) (every row of the frame). */
final class CountAggregate extends SlidingAggregate {
  private final boolean star;
  private final ResultColumn result;
  private long count;

  CountAggregate(FieldVector argument, ResultColumn result) {
    super(argument);
    this.star = argument == null;
    this.result = result;
  }

  @Override
  void reset() {
    count = 0;
  }

  @Override
  void add(int row) {
    if (!isNull(row)) {
      count++;
    }
  }

  @Override
  void remove(int row) {
    if (!isNull(row)) {
      count--;
    }
  }

  @Override
  void write(int row, int frameRows) {
    result.setLong(row, star ? frameRows : count);
  }
}
