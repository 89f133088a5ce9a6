package io.quiver.engine.function.builtin.aggregate;

import io.quiver.engine.exec.aggregate.GroupRunAccumulator;
import io.quiver.engine.exec.aggregate.RowsByGroup;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;

/**
 * SUM, $SUM0 and AVG of integers and decimals: an exact 128-bit sum per group (two long
 * arrays) and a row count. Values are read by address; DECIMAL(p &lt;= 18) and integers as one
 * long, wider decimals as both words.
 *
 * <p>One-long values are not added to the 128-bit sums row by row (an add with a carry test
 * each): each value's upper 32 bits (signed) and lower 32 bits (unsigned) go to two plain long
 * sums per group, which cannot overflow for 2^30 rows, and are folded into the 128-bit sums
 * before that many rows have been added and whenever the sums are read. With one group (an
 * aggregate without GROUP BY) the split sums stay in registers for the whole batch, and so
 * they do for each group's run when the batch comes ordered by group ({@link #updateRuns}).
 */
final class ExactSumAccumulator extends SumAccumulator implements GroupRunAccumulator {
  /** 10^0 .. 10^22, each exactly representable as a double. */
  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  /** Rows the split sums may take before they must be folded: no overflow up to 2^31. */
  private static final long FOLD_AFTER_ROWS = 1L << 30;
  private static final long LOWER_32 = 0xFFFF_FFFFL;

  private final int scale;
  private long[] high = new long[GroupArrays.INITIAL];
  private long[] low = new long[GroupArrays.INITIAL];
  /** Per group: the sum of the values' upper 32 bits, signed, since the last fold. */
  private long[] upperSums = new long[GroupArrays.INITIAL];
  /** Per group: the sum of the values' lower 32 bits, unsigned, since the last fold. */
  private long[] lowerSums = new long[GroupArrays.INITIAL];
  /** Rows added to the split sums since the last fold. */
  private long unfoldedRows;
  private int groups;

  ExactSumAccumulator(SumFunction.Mode mode, int scale) {
    super(mode);
    this.scale = scale;
  }

  @Override
  void grow(int groupCount) {
    high = GroupArrays.grow(high, groupCount);
    low = GroupArrays.grow(low, groupCount);
    upperSums = GroupArrays.grow(upperSums, groupCount);
    lowerSums = GroupArrays.grow(lowerSums, groupCount);
    counts = GroupArrays.grow(counts, groupCount);
    groups = Math.max(groups, groupCount);
  }

  /** Adds the split sums into the 128-bit sums and clears them. */
  private void fold() {
    for (int group = 0; group < groups; group++) {
      long upper = upperSums[group];
      long lower = lowerSums[group];
      if ((upper | lower) == 0) {
        continue;
      }
      // upper * 2^32 + lower as 128 bits (lower is non-negative), then added to the sum
      long addLow = upper << 32;
      long addHigh = upper >> 32;
      long sumLow = addLow + lower;
      addHigh += Long.compareUnsigned(sumLow, addLow) < 0 ? 1 : 0;
      long before = low[group];
      long after = before + sumLow;
      high[group] += addHigh + (Long.compareUnsigned(after, before) < 0 ? 1 : 0);
      low[group] = after;
      upperSums[group] = 0;
      lowerSums[group] = 0;
    }
    unfoldedRows = 0;
  }

  @Override
  void add(FieldVector argument, int[] rows, int count, int[] groupIds) {
    long data = argument.getDataBufferAddress();
    long[] hi = high;
    long[] lo = low;
    long[] n = counts;
    if (unfoldedRows + count > FOLD_AFTER_ROWS) {
      fold();
    }
    unfoldedRows += count;
    if (argument instanceof DecimalVector decimal && decimal.getPrecision() > 18) {
      // Wide decimals: a value whose high word only extends the sign of its low word (most
      // do) goes to the split sums; others are added in 128 bits.
      long[] upper = upperSums;
      long[] lower = lowerSums;
      for (int i = 0; i < count; i++) {
        int row = rows[i];
        int group = groupIds[row];
        long valueLow = MemoryUtil.getLong(data + 16L * row);
        long valueHigh = MemoryUtil.getLong(data + 16L * row + 8);
        if (valueHigh == (valueLow >> 63)) {
          upper[group] += valueLow >> 32;
          lower[group] += valueLow & LOWER_32;
        } else {
          long before = lo[group];
          long after = before + valueLow;
          hi[group] += valueHigh + (Long.compareUnsigned(after, before) < 0 ? 1 : 0);
          lo[group] = after;
        }
        n[group]++;
      }
      return;
    }
    int width = ValueReader.width(argument);
    if (groups == 1) {
      addToTheOneGroup(data, width, rows, count);
      return;
    }
    long[] upper = upperSums;
    long[] lower = lowerSums;
    if (width == 8 || width == 16) {
      // BIGINT, or a DECIMAL(p <= 18) whose value is its low word
      for (int i = 0; i < count; i++) {
        int row = rows[i];
        int group = groupIds[row];
        long value = MemoryUtil.getLong(data + (long) width * row);
        upper[group] += value >> 32;
        lower[group] += value & LOWER_32;
        n[group]++;
      }
      return;
    }
    for (int i = 0; i < count; i++) {
      int row = rows[i];
      int group = groupIds[row];
      long value = ValueReader.readLong(data, width, row);
      upper[group] += value >> 32;
      lower[group] += value & LOWER_32;
      n[group]++;
    }
  }

  @Override
  public void updateRuns(FieldVector[] arguments, RowsByGroup byGroup) {
    int groupCount = byGroup.groupCount();
    grow(groupCount);
    int[] rows = byGroup.rows();
    int[] starts = byGroup.starts();
    int total = starts[groupCount];
    if (unfoldedRows + total > FOLD_AFTER_ROWS) {
      fold();
    }
    unfoldedRows += total;
    FieldVector argument = arguments[0];
    long data = argument.getDataBufferAddress();
    boolean wide = argument instanceof DecimalVector decimal && decimal.getPrecision() > 18;
    int width = ValueReader.width(argument);
    for (int group = 0; group < groupCount; group++) {
      int from = starts[group];
      int to = starts[group + 1];
      if (from == to) {
        continue;
      }
      if (wide) {
        addWideRun(data, rows, from, to, group);
      } else {
        addRun(data, width, rows, from, to, group);
      }
      counts[group] += to - from;
    }
  }

  /** Adds one group's rows {@code rows[from, to)} of one-long values, summed in registers. */
  private void addRun(long data, int width, int[] rows, int from, int to, int group) {
    long upper = 0;
    long lower = 0;
    if (width == 8 || width == 16) {
      for (int i = from; i < to; i++) {
        long value = MemoryUtil.getLong(data + (long) width * rows[i]);
        upper += value >> 32;
        lower += value & LOWER_32;
      }
    } else {
      for (int i = from; i < to; i++) {
        long value = ValueReader.readLong(data, width, rows[i]);
        upper += value >> 32;
        lower += value & LOWER_32;
      }
    }
    upperSums[group] += upper;
    lowerSums[group] += lower;
  }

  /**
   * Adds one group's rows of a wide decimal: values whose high word extends the sign of the low
   * word to split sums, others in 128 bits, all in registers until the run ends.
   */
  private void addWideRun(long data, int[] rows, int from, int to, int group) {
    long upper = 0;
    long lower = 0;
    long sumHigh = 0;
    long sumLow = 0;
    for (int i = from; i < to; i++) {
      long address = data + 16L * rows[i];
      long valueLow = MemoryUtil.getLong(address);
      long valueHigh = MemoryUtil.getLong(address + 8);
      if (valueHigh == (valueLow >> 63)) {
        upper += valueLow >> 32;
        lower += valueLow & LOWER_32;
      } else {
        long after = sumLow + valueLow;
        sumHigh += valueHigh + (Long.compareUnsigned(after, sumLow) < 0 ? 1 : 0);
        sumLow = after;
      }
    }
    upperSums[group] += upper;
    lowerSums[group] += lower;
    if ((sumHigh | sumLow) != 0) {
      long before = low[group];
      long after = before + sumLow;
      high[group] += sumHigh + (Long.compareUnsigned(after, before) < 0 ? 1 : 0);
      low[group] = after;
    }
  }

  /** {@link #add} when every row belongs to group 0. */
  private void addToTheOneGroup(long data, int width, int[] rows, int count) {
    long upper = 0;
    long lower = 0;
    if (width == 8 || width == 16) {
      for (int i = 0; i < count; i++) {
        long value = MemoryUtil.getLong(data + (long) width * rows[i]);
        upper += value >> 32;
        lower += value & LOWER_32;
      }
    } else {
      for (int i = 0; i < count; i++) {
        long value = ValueReader.readLong(data, width, rows[i]);
        upper += value >> 32;
        lower += value & LOWER_32;
      }
    }
    upperSums[0] += upper;
    lowerSums[0] += lower;
    counts[0] += count;
  }

  @Override
  public void writeState(FieldVector[] state, int groupCount) {
    grow(groupCount);
    fold();
    DecimalVector sums = (DecimalVector) state[0];
    for (int group = 0; group < groupCount; group++) {
      StateRows.put128(sums, group, low[group], high[group]);
    }
    writeCountState(state, groupCount);
  }

  @Override
  public void merge(FieldVector[] state, int rowCount, int[] groupIds, int groupCount) {
    grow(groupCount);
    fold();
    DecimalVector sums = (DecimalVector) state[0];
    for (int row : StateRows.nonNull(sums, rowCount)) {
      int group = groupIds[row];
      long before = low[group];
      long after = before + StateRows.low(sums, row);
      high[group] += StateRows.high(sums, row)
          + (Long.compareUnsigned(after, before) < 0 ? 1 : 0);
      low[group] = after;
      counts[group] += countState(state, row);
    }
  }

  @Override
  double doubleValue(int group) {
    if (unfoldedRows > 0) {
      fold();
    }
    double value = toDouble(high[group], low[group], scale);
    return mode == SumFunction.Mode.AVG ? value / counts[group] : value;
  }

  @Override
  public void finish(FieldVector result, int groupCount) {
    grow(groupCount);
    fold();
    if (finishFloating(result, groupCount)) {
      return;
    }
    if (result instanceof BigIntVector vector) {
      for (int group = 0; group < groupCount; group++) {
        if (empty(group)) {
          continue;
        }
        if (high[group] != (low[group] >> 63)) {
          throw new QuiverException(ErrorKind.EXECUTION,
              "bigint out of range: SUM overflows BIGINT; CAST the argument to DECIMAL(38,0)");
        }
        vector.set(group, low[group]);
      }
    } else if (result instanceof DecimalVector vector) {
      if (vector.getScale() != scale) {
        throw new QuiverException(ErrorKind.INTERNAL, "SUM result scale " + vector.getScale()
            + " differs from the argument scale " + scale + " (a bug in Quiver)");
      }
      for (int group = 0; group < groupCount; group++) {
        if (!empty(group)) {
          StateRows.put128(vector, group, low[group], high[group]);
        }
      }
    } else {
      throw new QuiverException(ErrorKind.UNSUPPORTED,
          "SUM/AVG into " + result.getField().getType() + " is not supported yet");
    }
  }

  /**
   * The decimal {@code (high, low) / 10^scale} as the nearest double: exact division of two
   * exact doubles when the integer fits in 53 bits, else through BigDecimal (once per group).
   */
  static double toDouble(long high, long low, int scale) {
    if (high == (low >> 63) && Math.abs(low) < (1L << 53) && scale < POWERS_OF_TEN.length) {
      return (double) low / POWERS_OF_TEN[scale];
    }
    BigInteger unscaled = BigInteger.valueOf(high).shiftLeft(64)
        .add(new BigInteger(Long.toUnsignedString(low)));
    return new BigDecimal(unscaled, scale).doubleValue();
  }
}
