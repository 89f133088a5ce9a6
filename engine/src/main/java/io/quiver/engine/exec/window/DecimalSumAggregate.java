package io.quiver.engine.exec.window;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.math.BigDecimal;
import java.math.MathContext;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.DecimalVector;

/**
 * SUM or AVG of a DECIMAL column: 128-bit unscaled values added by address. SUM keeps the
 * argument's scale; AVG is a DOUBLE, or a DECIMAL rounded half up to the result's scale.
 */
final class DecimalSumAggregate extends SlidingAggregate {
  private final long data;
  private final int scale;
  private final boolean average;
  private final boolean decimalAverage;
  private final ResultColumn result;
  private final double scaleFactor;
  private long low;
  private long high;
  private long count;

  DecimalSumAggregate(DecimalVector argument, boolean average, ResultColumn result) {
    super(argument);
    this.data = argument.getValueCount() == 0 ? 0 : argument.getDataBufferAddress();
    this.scale = argument.getScale();
    this.average = average;
    this.decimalAverage = average && result.vector() instanceof DecimalVector;
    this.result = result;
    this.scaleFactor = Math.pow(10, scale);
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
    long address = data + 16L * row;
    long valueLow = MemoryUtil.getLong(address);
    long valueHigh = MemoryUtil.getLong(address + 8);
    long previous = low;
    low += valueLow;
    long carry = Long.compareUnsigned(low, previous) < 0 ? 1 : 0;
    try {
      high = Math.addExact(Math.addExact(high, valueHigh), carry);
    } catch (ArithmeticException e) {
      throw new QuiverException(ErrorKind.EXECUTION,
          "SUM of DECIMAL values exceeds 128 bits", e);
    }
    count++;
  }

  @Override
  void remove(int row) {
    if (isNull(row)) {
      return;
    }
    long address = data + 16L * row;
    long valueLow = MemoryUtil.getLong(address);
    long valueHigh = MemoryUtil.getLong(address + 8);
    long previous = low;
    low -= valueLow;
    long borrow = Long.compareUnsigned(previous, valueLow) < 0 ? 1 : 0;
    high = high - valueHigh - borrow;
    count--;
  }

  @Override
  void write(int row, int frameRows) {
    if (count == 0) {
      return;
    }
    if (!average) {
      result.setDecimal(row, low, high, scale);
    } else if (decimalAverage) {
      BigDecimal sum = new BigDecimal(ResultColumn.toBigInteger(low, high), scale);
      result.setBigDecimal(row, sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL128));
    } else if (high == (low >> 63)) {
      result.setDouble(row, (double) low / scaleFactor / count);
    } else {
      BigDecimal sum = new BigDecimal(ResultColumn.toBigInteger(low, high), scale);
      result.setDouble(row, sum.doubleValue() / count);
    }
  }
}
