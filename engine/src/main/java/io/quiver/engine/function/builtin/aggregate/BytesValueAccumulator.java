package io.quiver.engine.function.builtin.aggregate;

import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * MIN, MAX and ANY_VALUE of VARCHAR and VARBINARY, compared byte by byte (unsigned: UTF-8
 * bytes order as code points). A group's value is a byte array, copied only when a better value
 * arrives, never per row otherwise.
 */
final class BytesValueAccumulator extends ValueAccumulator {
  private byte[][] values = new byte[GroupArrays.INITIAL][];

  BytesValueAccumulator(ValueFunction.Mode mode) {
    super(mode);
  }

  @Override
  void grow(int groupCount) {
    values = GroupArrays.grow(values, groupCount);
  }

  @Override
  void add(FieldVector argument, int[] rows, int count, int[] groupIds) {
    long offsets = ((BaseVariableWidthVector) argument).getOffsetBufferAddress();
    long data = argument.getDataBufferAddress();
    byte[][] kept = values;
    for (int i = 0; i < count; i++) {
      int row = rows[i];
      int group = groupIds[row];
      int start = MemoryUtil.getInt(offsets + 4L * row);
      int length = MemoryUtil.getInt(offsets + 4L * row + 4) - start;
      byte[] current = kept[group];
      if (current == null || mode.replaces(compare(data + start, length, current))) {
        byte[] value = new byte[length];
        MemoryUtil.copyFromMemory(data + start, value, 0, length);
        kept[group] = value;
      }
    }
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

  @Override
  public void finish(FieldVector result, int groupCount) {
    grow(groupCount);
    BaseVariableWidthVector vector = (BaseVariableWidthVector) result;
    for (int group = 0; group < groupCount; group++) {
      if (values[group] != null) {
        vector.setSafe(group, values[group], 0, values[group].length);
      }
    }
  }
}
