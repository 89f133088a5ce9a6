package io.quiver.engine.function.builtin.string;

import io.quiver.engine.exec.batch.Validity;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * A VARCHAR argument read in place: the UTF-8 bytes of each row by address in the vector's data
 * buffer, without copying or decoding. One per argument per batch; the vector stays the host's.
 */
final class Utf8Column {
  private final long offsets;
  private final long data;
  private final long validity;
  private final boolean allNull;

  Utf8Column(FieldVector vector) {
    if (vector instanceof NullVector) {
      offsets = 0;
      data = 0;
      validity = 0;
      allNull = true;
    } else {
      VarCharVector text = (VarCharVector) vector;
      boolean empty = text.getValueCount() == 0;
      offsets = empty ? 0 : text.getOffsetBufferAddress();
      data = empty ? 0 : text.getDataBufferAddress();
      validity = Validity.addressIfNulls(text);
      allNull = false;
    }
  }

  boolean isNull(int row) {
    return allNull || Validity.isNull(validity, row);
  }

  /** The address of the first byte of {@code row}. */
  long address(int row) {
    return data + MemoryUtil.getInt(offsets + 4L * row);
  }

  /** The byte length of {@code row}. */
  int length(int row) {
    return MemoryUtil.getInt(offsets + 4L * row + 4) - MemoryUtil.getInt(offsets + 4L * row);
  }
}
