package io.quiver.engine.exec.batch;

import org.apache.arrow.memory.util.MemoryUtil;

/** Copies of Arrow memory sized for values: short ones byte by byte, long ones in bulk. */
public final class MemoryCopies {
  /** Up to this many bytes, byte moves beat a bulk copy call (codes, flags, short names). */
  private static final int SHORT = 16;

  private MemoryCopies() {}

  /** Copies {@code length} bytes from {@code source} to {@code target} (addresses). */
  public static void copy(long source, long target, int length) {
    if (length <= SHORT) {
      for (int i = 0; i < length; i++) {
        MemoryUtil.putByte(target + i, MemoryUtil.getByte(source + i));
      }
    } else {
      MemoryUtil.copyMemory(source, target, length);
    }
  }
}
