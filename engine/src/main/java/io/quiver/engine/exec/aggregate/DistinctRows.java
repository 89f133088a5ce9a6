package io.quiver.engine.exec.aggregate;

import io.quiver.engine.exec.hash.GroupTable;
import io.quiver.engine.exec.hash.KeyEncoder;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.arrow.vector.FieldVector;

/**
 * DISTINCT for one aggregate call: remembers every (group, arguments) pair seen so far and keeps
 * only the rows of a first occurrence. NULL arguments compare equal here (strict aggregates
 * never get this far with a NULL). Keys are the encoded argument values prefixed with the
 * group id, in one {@link GroupTable}.
 */
final class DistinctRows {
  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private final KeyEncoder encoder = new KeyEncoder();
  private final GroupTable seen = new GroupTable();
  private byte[] key = new byte[64];

  /**
   * Keeps the rows of {@code rows[0..count)} whose (group, arguments) pair is new; {@code out}
   * may be {@code rows}. {@code batchRows} is the batch's row count.
   */
  int keepFirst(FieldVector[] arguments, int batchRows, int[] rows, int count, int[] groupIds,
      int[] out) {
    if (count == 0) {
      return 0;
    }
    encoder.encode(arguments, batchRows, null);
    byte[] bytes = encoder.bytes();
    int kept = 0;
    for (int i = 0; i < count; i++) {
      int row = rows[i];
      int length = encoder.length(row);
      if (key.length < length + 4) {
        key = new byte[Math.max(length + 4, key.length * 2)];
      }
      INTS.set(key, 0, groupIds[row]);
      System.arraycopy(bytes, encoder.offset(row), key, 4, length);
      long hash = encoder.hash(row) ^ (groupIds[row] * 0x9E3779B97F4A7C15L);
      int before = seen.groupCount();
      seen.findOrInsert(key, 0, length + 4, hash);
      out[kept] = row;
      kept += seen.groupCount() > before ? 1 : 0;
    }
    return kept;
  }
}
