package io.quiver.engine.exec.window;

import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;

/**
 * SUM or AVG of REAL or DOUBLE, as DOUBLE. Finite values are summed with Neumaier's
 * compensation (so values leaving the frame do not leave rounding debris behind); NaN and
 * infinities are counted apart, so a frame's result depends only on the values in it: NaN if
 * it holds a NaN or both infinities, else the infinity it holds, else the finite sum.
 */
final class FloatSumAggregate extends SlidingAggregate {
  private final long data;
  private final boolean single;
  private final boolean average;
  private final ResultColumn result;
  private double sum;
  private double compensation;
  private long count;
  private long nanCount;
  private long positiveInfinityCount;
  private long negativeInfinityCount;

  FloatSumAggregate(BaseFixedWidthVector argument, boolean average, ResultColumn result) {
    super(argument);
    this.data = argument.getValueCount() == 0 ? 0 : argument.getDataBufferAddress();
    this.single = argument.getTypeWidth() == 4;
    this.average = average;
    this.result = result;
  }

  private double value(int row) {
    return single
        ? Float.intBitsToFloat(MemoryUtil.getInt(data + 4L * row))
        : Double.longBitsToDouble(MemoryUtil.getLong(data + 8L * row));
  }

  @Override
  void reset() {
    sum = 0;
    compensation = 0;
    count = 0;
    nanCount = 0;
    positiveInfinityCount = 0;
    negativeInfinityCount = 0;
  }

  @Override
  void add(int row) {
    if (!isNull(row)) {
      count++;
      accumulate(value(row), 1);
    }
  }

  @Override
  void remove(int row) {
    if (!isNull(row)) {
      count--;
      if (count == 0) {
        reset();
      } else {
        accumulate(-value(row), -1);
      }
    }
  }

  private void accumulate(double value, int direction) {
    if (Double.isNaN(value)) {
      nanCount += direction;
    } else if (Double.isInfinite(value)) {
      if ((value > 0) == (direction > 0)) {
        positiveInfinityCount += direction;
      } else {
        negativeInfinityCount += direction;
      }
    } else {
      double total = sum + value;
      if (Math.abs(sum) >= Math.abs(value)) {
        compensation += (sum - total) + value;
      } else {
        compensation += (value - total) + sum;
      }
      sum = total;
    }
  }

  @Override
  void write(int row, int frameRows) {
    if (count == 0) {
      return;
    }
    double total;
    if (nanCount > 0 || (positiveInfinityCount > 0 && negativeInfinityCount > 0)) {
      total = Double.NaN;
    } else if (positiveInfinityCount > 0) {
      total = Double.POSITIVE_INFINITY;
    } else if (negativeInfinityCount > 0) {
      total = Double.NEGATIVE_INFINITY;
    } else {
      total = sum + compensation;
    }
    result.setDouble(row, average ? total / count : total);
  }
}
