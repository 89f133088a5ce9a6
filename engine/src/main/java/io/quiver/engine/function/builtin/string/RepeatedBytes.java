package io.quiver.engine.function.builtin.string;

import org.apache.arrow.memory.util.MemoryUtil;

/** Writes a byte pattern over and over, by doubling copies (repeat, lpad, rpad). */
final class RepeatedBytes {
  private RepeatedBytes() {}

  /**
   * Writes {@code total} bytes at {@code target}: the {@code length} bytes at {@code pattern},
   * repeated, the last copy cut short. The pattern must not overlap the target. A copy takes
   * log2(total / length) memory copies, however many times the pattern repeats.
   */
  static void write(long target, long pattern, int length, long total) {
    if (total <= 0 || length <= 0) {
      return;
    }
    long written = Math.min(length, total);
    MemoryUtil.copyMemory(pattern, target, written);
    while (written < total) {
      long chunk = Math.min(written, total - written);
      MemoryUtil.copyMemory(target, target + written, chunk);
      written += chunk;
    }
  }
}
