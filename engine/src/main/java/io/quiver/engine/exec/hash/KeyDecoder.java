package io.quiver.engine.exec.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/** Turns the encoded keys of a {@link GroupTable} back into Arrow vectors, one per column. */
public final class KeyDecoder {
  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private KeyDecoder() {}

  /** Fills {@code columns} (freshly created, unallocated) with the keys of every group. */
  public static void decode(GroupTable table, FieldVector[] columns) {
    int groups = table.groupCount();
    byte[] arena = table.arena();
    int[] cursor = new int[groups];
    for (int group = 0; group < groups; group++) {
      cursor[group] = table.keyOffset(group);
    }
    for (FieldVector column : columns) {
      if (column instanceof NullVector nulls) {
        nulls.setValueCount(groups);
        for (int group = 0; group < groups; group++) {
          cursor[group] += 2;
        }
        continue;
      }
      if (column instanceof BaseVariableWidthVector variable) {
        long total = 0;
        for (int group = 0; group < groups; group++) {
          total += (int) INTS.get(arena, cursor[group] + 1);
        }
        variable.allocateNew(Math.max(total, 1), groups);
        long offsets = variable.getOffsetBufferAddress();
        long data = variable.getDataBufferAddress();
        long validity = variable.getValidityBufferAddress();
        int position = 0;
        MemoryUtil.putInt(offsets, 0);
        for (int group = 0; group < groups; group++) {
          int at = cursor[group];
          int length = (int) INTS.get(arena, at + 1);
          if (arena[at] == 0) {
            io.quiver.engine.exec.batch.BitBuffers.setBit(validity, group);
            MemoryUtil.copyToMemory(arena, at + 5, data + position, length);
            position += length;
          }
          MemoryUtil.putInt(offsets + 4L * (group + 1), position);
          cursor[group] = at + 5 + length;
        }
        variable.setLastSet(groups - 1);
        variable.setValueCount(groups);
        continue;
      }
      BaseFixedWidthVector fixed = (BaseFixedWidthVector) column;
      fixed.allocateNew(groups);
      long validity = fixed.getValidityBufferAddress();
      long data = fixed.getDataBufferAddress();
      if (column instanceof BitVector) {
        for (int group = 0; group < groups; group++) {
          int at = cursor[group];
          if (arena[at] == 0) {
            io.quiver.engine.exec.batch.BitBuffers.setBit(validity, group);
            if (arena[at + 1] != 0) {
              io.quiver.engine.exec.batch.BitBuffers.setBit(data, group);
            }
          }
          cursor[group] = at + 2;
        }
      } else {
        int width = fixed.getTypeWidth();
        for (int group = 0; group < groups; group++) {
          int at = cursor[group];
          if (arena[at] == 0) {
            io.quiver.engine.exec.batch.BitBuffers.setBit(validity, group);
            MemoryUtil.copyToMemory(arena, at + 1, data + (long) width * group, width);
          }
          cursor[group] = at + 1 + width;
        }
      }
      fixed.setValueCount(groups);
    }
  }


  /** Marks value {@code index} of {@code vector} as not NULL. */
  public static void setValid(FieldVector vector, int index) {
    io.quiver.engine.exec.batch.BitBuffers.setBit(vector.getValidityBufferAddress(), index);
  }
}
