package io.quiver.engine.exec.window;

import java.math.BigDecimal;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;

/**
 * SUM or AVG of TINYINT..BIGINT. The sum is kept in 128 bits, so only a frame whose sum does
 * not fit the result type fails (an EXECUTION error), never an intermediate value.
 */
final class IntegerSumAggregate extends SlidingAggregate {
  private final long data;
  private final int width;
  private final boolean average;
  private final ResultColumn result;
  private long low;
  private long high;
  private long count;

  IntegerSumAggregate(BaseFixedWidthVector argument, boolean average, ResultColumn result) {
    super(argument);
    this.data = argument.getValueCount() == 0 ? 0 : argument.getDataBufferAddress();
    this.width = argument.getTypeWidth();
    this.average = average;
    this.result = result;
  }

  private long value(int row) {
    return switch (width) {
      case 1 -> MemoryUtil.getByte(data + row);
      case 2 -> MemoryUtil.getShort(data + 2L * row);
      case 4 -> MemoryUtil.getInt(data + 4L * row);
      default -> MemoryUtil.getLong(data + 8L * row);
    };
  }

  @Override
  void reset() {
    low = 0;
    high = 0;
    count = 0;
  }

  @Override
  void add(int row) {
    if (isNull(row)) {
      return;
    }
    long value = value(row);
    long previous = low;
    low += value;
    high += (value >> 63) + (Long.compareUnsigned(low, previous) < 0 ? 1 : 0);
    count++;
  }

  @Override
  void remove(int row) {
    if (isNull(row)) {
      return;
    }
    long value = value(row);
    long previous = low;
    low -= value;
    high -= (value >> 63) + (Long.compareUnsigned(previous, value) < 0 ? 1 : 0);
    count--;
  }

  @Override
  void write(int row, int frameRows) {
    if (count == 0) {
      return;
    }
    if (!average) {
      result.setDecimal(row, low, high, 0);
    } else if (high == (low >> 63)) {
      result.setDouble(row, (double) low / count);
    } else {
      result.setDouble(row, new BigDecimal(ResultColumn.toBigInteger(low, high)).doubleValue()
          / count);
    }
  }
}
