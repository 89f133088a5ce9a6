package io.quiver.engine.exec.aggregate;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.Arrays;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;

/**
 * SUM, SUM0 and AVG. Integers and decimals accumulate exactly in 128 bits (two long arrays);
 * floating point in doubles. SUM of integers is BIGINT (an overflow is an error); SUM of
 * DECIMAL(p,s) is DECIMAL(38,s); AVG is DOUBLE. SUM0 gives 0 instead of NULL for empty groups.
 */
final class SumAccumulator implements Accumulator {
  enum Mode { SUM, SUM0, AVG }

  private final Mode mode;
  private final int inputScale;
  private long[] high = new long[16];
  private long[] low = new long[16];
  private double[] doubles = new double[16];
  private long[] counts = new long[16];
  private boolean floating;

  SumAccumulator(Mode mode, int inputScale) {
    this.mode = mode;
    this.inputScale = inputScale;
  }

  @Override
  public void ensureCapacity(int groupCount) {
    if (counts.length < groupCount) {
      int size = Math.max(groupCount, counts.length * 2);
      high = Arrays.copyOf(high, size);
      low = Arrays.copyOf(low, size);
      doubles = Arrays.copyOf(doubles, size);
      counts = Arrays.copyOf(counts, size);
    }
  }

  @Override
  public void update(FieldVector argument, int[] rows, int count, int[] groupIds) {
    long validity = ValueReader.validity(argument);
    long data = argument.getDataBufferAddress();
    if (argument instanceof Float8Vector || argument instanceof Float4Vector) {
      floating = true;
      for (int i = 0; i < count; i++) {
        int row = rows[i];
        if (io.quiver.engine.exec.batch.BitBuffers.isNull(validity, row)) {
          continue;
        }
        int group = groupIds[row];
        doubles[group] += ValueReader.readDouble(argument, data, row);
        counts[group]++;
      }
      return;
    }
    long[] hi = high;
    long[] lo = low;
    long[] n = counts;
    if (argument instanceof DecimalVector decimal && decimal.getPrecision() > 18) {
      for (int i = 0; i < count; i++) {
        int row = rows[i];
        if (io.quiver.engine.exec.batch.BitBuffers.isNull(validity, row)) {
          continue;
        }
        int group = groupIds[row];
        long valueLow = MemoryUtil.getLong(data + 16L * row);
        long valueHigh = MemoryUtil.getLong(data + 16L * row + 8);
        long before = lo[group];
        long after = before + valueLow;
        hi[group] += valueHigh + (Long.compareUnsigned(after, before) < 0 ? 1 : 0);
        lo[group] = after;
        n[group]++;
      }
      return;
    }
    int width = ValueReader.width(argument);
    for (int i = 0; i < count; i++) {
      int row = rows[i];
      if (io.quiver.engine.exec.batch.BitBuffers.isNull(validity, row)) {
        continue;
      }
      int group = groupIds[row];
      long value = ValueReader.readLong(argument, data, width, row);
      long before = lo[group];
      long after = before + value;
      hi[group] += (value >> 63) + (Long.compareUnsigned(after, before) < 0 ? 1 : 0);
      lo[group] = after;
      n[group]++;
    }
  }

  @Override
  public void write(FieldVector output, int groupCount) {
    if (output instanceof Float8Vector vector) {
      vector.allocateNew(groupCount);
      for (int group = 0; group < groupCount; group++) {
        if (counts[group] == 0 && mode != Mode.SUM0) {
          continue;
        }
        double value;
        if (floating) {
          value = doubles[group];
        } else {
          value = toDouble(high[group], low[group]) / Math.pow(10, inputScale);
        }
        if (mode == Mode.AVG) {
          value = value / counts[group];
        }
        vector.set(group, value);
      }
      vector.setValueCount(groupCount);
    } else if (output instanceof BigIntVector vector) {
      vector.allocateNew(groupCount);
      for (int group = 0; group < groupCount; group++) {
        if (counts[group] == 0 && mode != Mode.SUM0) {
          continue;
        }
        long value = low[group];
        if (high[group] != (value >> 63)) {
          throw new QuiverException(ErrorKind.EXECUTION,
              "bigint out of range: SUM overflows BIGINT; CAST the argument to DECIMAL(38,0)");
        }
        vector.set(group, value);
      }
      vector.setValueCount(groupCount);
    } else if (output instanceof DecimalVector vector) {
      vector.allocateNew(groupCount);
      int outputScale = vector.getScale();
      if (outputScale != inputScale) {
        throw new QuiverException(ErrorKind.INTERNAL,
            "SUM result scale " + outputScale + " differs from input scale " + inputScale);
      }
      long address = vector.getDataBufferAddress();
      for (int group = 0; group < groupCount; group++) {
        if (counts[group] == 0 && mode != Mode.SUM0) {
          continue;
        }
        MemoryUtil.putLong(address + 16L * group, low[group]);
        MemoryUtil.putLong(address + 16L * group + 8, high[group]);
        vector.setIndexDefined(group);
      }
      vector.setValueCount(groupCount);
    } else if (output instanceof Float4Vector vector) {
      vector.allocateNew(groupCount);
      for (int group = 0; group < groupCount; group++) {
        if (counts[group] == 0 && mode != Mode.SUM0) {
          continue;
        }
        double value = floating ? doubles[group]
            : toDouble(high[group], low[group]) / Math.pow(10, inputScale);
        vector.set(group, (float) (mode == Mode.AVG ? value / counts[group] : value));
      }
      vector.setValueCount(groupCount);
    } else {
      throw new QuiverException(ErrorKind.UNSUPPORTED,
          "SUM/AVG into " + output.getField().getType() + " is not supported yet");
    }
  }

  static double toDouble(long high, long low) {
    double unsignedLow = (low >>> 1) * 2.0 + (low & 1);
    return high * 18446744073709551616.0 + unsignedLow;
  }
}
