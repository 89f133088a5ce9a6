package io.quiver.engine.exec.aggregate;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.Arrays;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.NullVector;

/**
 * MIN, MAX, ANY_VALUE and SINGLE_VALUE (the value of a scalar subquery: more than one row is an
 * error). Keeps one value per group in primitive arrays (strings as byte arrays, replaced only
 * when a better value arrives).
 */
final class ValueAccumulator implements Accumulator {
  enum Mode { MIN, MAX, ANY, SINGLE }

  private final Mode mode;
  private long[] longs = new long[16];
  private long[] highs = new long[16];
  private double[] doubles = new double[16];
  private byte[][] strings = new byte[16][];
  private long[] seen = new long[16];

  ValueAccumulator(Mode mode) {
    this.mode = mode;
  }

  @Override
  public void ensureCapacity(int groupCount) {
    if (seen.length < groupCount) {
      int size = Math.max(groupCount, seen.length * 2);
      longs = Arrays.copyOf(longs, size);
      highs = Arrays.copyOf(highs, size);
      doubles = Arrays.copyOf(doubles, size);
      strings = Arrays.copyOf(strings, size);
      seen = Arrays.copyOf(seen, size);
    }
  }

  private boolean accept(int comparison) {
    return mode == Mode.MIN ? comparison < 0 : mode == Mode.MAX && comparison > 0;
  }

  private boolean firstRow(int group) {
    if (mode == Mode.SINGLE && seen[group] > 0) {
      throw new QuiverException(ErrorKind.EXECUTION,
          "more than one row returned by a subquery used as an expression");
    }
    return seen[group]++ == 0;
  }

  @Override
  public void update(FieldVector argument, int[] rows, int count, int[] groupIds) {
    if (argument instanceof NullVector) {
      for (int i = 0; i < count; i++) {
        if (mode == Mode.SINGLE) {
          firstRow(groupIds[rows[i]]);
        }
      }
      return;
    }
    long validity = ValueReader.validity(argument);
    if (argument instanceof BaseVariableWidthVector variable) {
      long offsets = variable.getOffsetBufferAddress();
      long data = variable.getDataBufferAddress();
      for (int i = 0; i < count; i++) {
        int row = rows[i];
        int group = groupIds[row];
        if (io.quiver.engine.exec.batch.BitBuffers.isNull(validity, row)) {
          if (mode == Mode.SINGLE) {
            firstRow(group);
            strings[group] = null;
          }
          continue;
        }
        int start = MemoryUtil.getInt(offsets + 4L * row);
        int length = MemoryUtil.getInt(offsets + 4L * row + 4) - start;
        boolean first = mode == Mode.SINGLE ? firstRow(group) : strings[group] == null;
        if (first || mode != Mode.ANY && accept(compare(data + start, length, strings[group]))) {
          byte[] value = new byte[length];
          MemoryUtil.copyFromMemory(data + start, value, 0, length);
          strings[group] = value;
        }
      }
      return;
    }
    long data = argument.getDataBufferAddress();
    if (argument instanceof Float8Vector || argument instanceof Float4Vector) {
      for (int i = 0; i < count; i++) {
        int row = rows[i];
        int group = groupIds[row];
        if (io.quiver.engine.exec.batch.BitBuffers.isNull(validity, row)) {
          if (mode == Mode.SINGLE) {
            firstRow(group);
            seen[group] = Long.MIN_VALUE;
          }
          continue;
        }
        double value = ValueReader.readDouble(argument, data, row);
        boolean first = mode == Mode.SINGLE ? firstRow(group) : seen[group]++ == 0;
        if (first || accept(io.quiver.engine.expr.CodegenSupport.compareDoubles(value,
            doubles[group]))) {
          doubles[group] = value;
        }
      }
      return;
    }
    boolean wide = argument instanceof DecimalVector;
    int width = ValueReader.width(argument);
    for (int i = 0; i < count; i++) {
      int row = rows[i];
      int group = groupIds[row];
      if (io.quiver.engine.exec.batch.BitBuffers.isNull(validity, row)) {
        if (mode == Mode.SINGLE) {
          firstRow(group);
          seen[group] = Long.MIN_VALUE;
        }
        continue;
      }
      long value = ValueReader.readLong(argument, data, width, row);
      long high = wide ? MemoryUtil.getLong(data + 16L * row + 8) : 0;
      boolean first = mode == Mode.SINGLE ? firstRow(group) : seen[group]++ == 0;
      int comparison = wide ? compare128(high, value, highs[group], longs[group])
          : Long.compare(value, longs[group]);
      if (first || accept(comparison)) {
        longs[group] = value;
        highs[group] = high;
      }
    }
  }

  private static int compare128(long highA, long lowA, long highB, long lowB) {
    int high = Long.compare(highA, highB);
    return high != 0 ? high : Long.compareUnsigned(lowA, lowB);
  }

  private static int compare(long address, int length, byte[] other) {
    int common = Math.min(length, other.length);
    for (int i = 0; i < common; i++) {
      int a = MemoryUtil.getByte(address + i) & 0xff;
      int b = other[i] & 0xff;
      if (a != b) {
        return a - b;
      }
    }
    return length - other.length;
  }

  private boolean hasValue(int group) {
    return seen[group] > 0;
  }

  @Override
  public void write(FieldVector output, int groupCount) {
    if (output instanceof NullVector nulls) {
      nulls.setValueCount(groupCount);
      return;
    }
    if (output instanceof BaseVariableWidthVector variable) {
      long total = 0;
      for (int group = 0; group < groupCount; group++) {
        total += strings[group] == null ? 0 : strings[group].length;
      }
      variable.allocateNew(Math.max(1, total), groupCount);
      for (int group = 0; group < groupCount; group++) {
        if (strings[group] != null) {
          variable.setSafe(group, strings[group], 0, strings[group].length);
        }
      }
      variable.setValueCount(groupCount);
      return;
    }
    BaseFixedWidthVector vector = (BaseFixedWidthVector) output;
    vector.allocateNew(groupCount);
    long data = vector.getDataBufferAddress();
    for (int group = 0; group < groupCount; group++) {
      if (!hasValue(group)) {
        continue;
      }
      if (vector instanceof Float8Vector f8) {
        f8.set(group, doubles[group]);
        continue;
      }
      if (vector instanceof Float4Vector f4) {
        f4.set(group, (float) doubles[group]);
        continue;
      }
      if (vector instanceof BitVector bits) {
        bits.set(group, (int) longs[group]);
        continue;
      }
      int width = vector.getTypeWidth();
      switch (width) {
        case 1 -> MemoryUtil.putByte(data + group, (byte) longs[group]);
        case 2 -> MemoryUtil.putShort(data + 2L * group, (short) longs[group]);
        case 4 -> MemoryUtil.putInt(data + 4L * group, (int) longs[group]);
        case 16 -> {
          MemoryUtil.putLong(data + 16L * group, longs[group]);
          MemoryUtil.putLong(data + 16L * group + 8, highs[group]);
        }
        default -> MemoryUtil.putLong(data + 8L * group, longs[group]);
      }
      io.quiver.engine.exec.hash.KeyDecoder.setValid(vector, group);
    }
    vector.setValueCount(groupCount);
  }
}
