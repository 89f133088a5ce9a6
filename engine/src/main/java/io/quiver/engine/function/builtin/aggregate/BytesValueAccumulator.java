package io.quiver.engine.function.builtin.aggregate;

import io.quiver.udf.function.GroupAccumulator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * MIN, MAX and ANY_VALUE of VARCHAR and VARBINARY, compared byte by byte (unsigned: UTF-8
 * bytes order as code points). A group's value is a byte array, copied only when a better value
 * arrives, never per row otherwise.
 */
final class BytesValueAccumulator implements GroupAccumulator {
  private final ValueFunction.Mode mode;
  private byte[][] values = new byte[GroupArrays.INITIAL][];

  BytesValueAccumulator(ValueFunction.Mode mode) {
    this.mode = mode;
  }

  @Override
  public void update(FieldVector[] arguments, int[] rows, int count, int[] groupIds,
      int groupCount) {
    values = GroupArrays.grow(values, groupCount);
    if (count > 0) {
      add((BaseVariableWidthVector) arguments[0], rows, count, groupIds);
    }
  }

  private void add(BaseVariableWidthVector argument, int[] rows, int count, int[] groupIds) {
    long offsets = argument.getOffsetBufferAddress();
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
  public void writeState(FieldVector[] state, int groupCount) {
    finish(state[0], groupCount);
  }

  @Override
  public void merge(FieldVector[] state, int rowCount, int[] groupIds, int groupCount) {
    values = GroupArrays.grow(values, groupCount);
    int[] rows = StateRows.nonNull(state[0], rowCount);
    if (rows.length > 0) {
      add((BaseVariableWidthVector) state[0], rows, rows.length, groupIds);
    }
  }

  @Override
  public void finish(FieldVector result, int groupCount) {
    values = GroupArrays.grow(values, groupCount);
    BaseVariableWidthVector vector = (BaseVariableWidthVector) result;
    for (int group = 0; group < groupCount; group++) {
      if (values[group] != null) {
        vector.setSafe(group, values[group], 0, values[group].length);
      }
    }
  }
}
