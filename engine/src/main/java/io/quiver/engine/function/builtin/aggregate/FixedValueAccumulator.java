package io.quiver.engine.function.builtin.aggregate;

import io.quiver.engine.exec.batch.BitBuffers;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * MIN, MAX and ANY_VALUE of fixed-width values compared as signed integers: integers, dates,
 * times, timestamps, booleans and decimals (128 bits: a high and a low word per group).
 */
final class FixedValueAccumulator extends ValueAccumulator {
  private long[] lows = new long[GroupArrays.INITIAL];
  private long[] highs = new long[GroupArrays.INITIAL];
  private boolean[] present = new boolean[GroupArrays.INITIAL];

  FixedValueAccumulator(ValueFunction.Mode mode) {
    super(mode);
  }

  @Override
  void grow(int groupCount) {
    lows = GroupArrays.grow(lows, groupCount);
    highs = GroupArrays.grow(highs, groupCount);
    present = GroupArrays.grow(present, groupCount);
  }

  @Override
  void add(FieldVector argument, int[] rows, int count, int[] groupIds) {
    long data = argument.getDataBufferAddress();
    boolean wide = argument instanceof DecimalVector;
    int width = ValueReader.width(argument);
    long[] low = lows;
    long[] high = highs;
    boolean[] has = present;
    for (int i = 0; i < count; i++) {
      int row = rows[i];
      int group = groupIds[row];
      long value = ValueReader.readLong(data, width, row);
      long valueHigh = wide ? MemoryUtil.getLong(data + 16L * row + 8) : 0;
      if (!has[group]) {
        has[group] = true;
        low[group] = value;
        high[group] = valueHigh;
      } else if (mode != ValueFunction.Mode.ANY) {
        int comparison = wide ? compare128(valueHigh, value, high[group], low[group])
            : Long.compare(value, low[group]);
        if (mode.replaces(comparison)) {
          low[group] = value;
          high[group] = valueHigh;
        }
      }
    }
  }

  private static int compare128(long highA, long lowA, long highB, long lowB) {
    int high = Long.compare(highA, highB);
    return high != 0 ? high : Long.compareUnsigned(lowA, lowB);
  }

  @Override
  public void finish(FieldVector result, int groupCount) {
    grow(groupCount);
    if (result instanceof NullVector) {
      return;
    }
    if (result instanceof BitVector bits) {
      for (int group = 0; group < groupCount; group++) {
        if (present[group]) {
          bits.set(group, (int) lows[group]);
        }
      }
      return;
    }
    BaseFixedWidthVector vector = (BaseFixedWidthVector) result;
    long data = vector.getDataBufferAddress();
    long validity = vector.getValidityBufferAddress();
    int width = vector.getTypeWidth();
    for (int group = 0; group < groupCount; group++) {
      if (!present[group]) {
        continue;
      }
      switch (width) {
        case 1 -> MemoryUtil.putByte(data + group, (byte) lows[group]);
        case 2 -> MemoryUtil.putShort(data + 2L * group, (short) lows[group]);
        case 4 -> MemoryUtil.putInt(data + 4L * group, (int) lows[group]);
        case 16 -> {
          MemoryUtil.putLong(data + 16L * group, lows[group]);
          MemoryUtil.putLong(data + 16L * group + 8, highs[group]);
        }
        default -> MemoryUtil.putLong(data + 8L * group, lows[group]);
      }
      BitBuffers.setBit(validity, group);
    }
  }
}
