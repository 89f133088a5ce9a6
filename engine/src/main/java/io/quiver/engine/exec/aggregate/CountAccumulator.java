package io.quiver.engine.exec.aggregate;

import java.util.Arrays;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/** COUNT(*) and COUNT(x): a BIGINT per group, never NULL. */
final class CountAccumulator implements Accumulator {
  private long[] counts = new long[16];

  @Override
  public void ensureCapacity(int groupCount) {
    if (counts.length < groupCount) {
      counts = Arrays.copyOf(counts, Math.max(groupCount, counts.length * 2));
    }
  }

  @Override
  public void update(FieldVector argument, int[] rows, int count, int[] groupIds) {
    long[] state = counts;
    if (argument == null || io.quiver.engine.exec.batch.Validity.nullCount(argument) == 0) {
      for (int i = 0; i < count; i++) {
        state[groupIds[rows[i]]]++;
      }
      return;
    }
    long validity = argument.getValidityBufferAddress();
    for (int i = 0; i < count; i++) {
      int row = rows[i];
      state[groupIds[row]] += (MemoryUtil.getByte(validity + (row >>> 3)) >>> (row & 7)) & 1;
    }
  }

  @Override
  public void write(FieldVector output, int groupCount) {
    BigIntVector vector = (BigIntVector) output;
    vector.allocateNew(groupCount);
    for (int group = 0; group < groupCount; group++) {
      vector.set(group, counts[group]);
    }
    vector.setValueCount(groupCount);
  }
}
