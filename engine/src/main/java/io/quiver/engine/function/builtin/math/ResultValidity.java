package io.quiver.engine.function.builtin.math;

import io.quiver.engine.exec.batch.Validity;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/** The validity of a one-argument function's result: that of its argument, copied whole. */
final class ResultValidity {
  private ResultValidity() {}

  /** Makes row i of {@code result} valid exactly where row i of {@code argument} is. */
  static void copy(FieldVector argument, FieldVector result, int rows) {
    if (rows == 0) {
      return;
    }
    long bytes = (rows + 7) / 8;
    long target = result.getValidityBufferAddress();
    if (Validity.nullCount(argument) == 0) {
      MemoryUtil.setMemory(target, bytes, (byte) 0xFF);
    } else {
      MemoryUtil.copyMemory(argument.getValidityBufferAddress(), target, bytes);
    }
  }
}
