package io.quiver.engine.kernel;

import org.apache.arrow.memory.util.MemoryUtil;

/** The pure-Java kernels: the default implementation and the reference for native ones. */
public final class JavaKernels implements Kernels {
  public static final JavaKernels INSTANCE = new JavaKernels();
  static final long NULL_HASH = 0x5bd1e995_2f3a7c41L;

  private JavaKernels() {}

  @Override
  public String name() {
    return "java";
  }

  /** A strong 64-bit mix (the finaliser of SplitMix64). */
  public static long mix(long value) {
    long z = value * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  public static long combine(long seed, long hash) {
    return (seed ^ hash) * 0x9E3779B97F4A7C15L + Long.rotateLeft(seed, 23);
  }

  /** Hash of {@code length} bytes at {@code address}. */
  public static long hashBytes(long address, int length) {
    long hash = 0x27d4eb2f165667c5L ^ length;
    int i = 0;
    for (; i + 8 <= length; i += 8) {
      hash = Long.rotateLeft(hash ^ mix(MemoryUtil.getLong(address + i)), 29) * 0x9E3779B97F4A7C15L;
    }
    long tail = 0;
    for (int shift = 0; i < length; i++, shift += 8) {
      tail |= (MemoryUtil.getByte(address + i) & 0xffL) << shift;
    }
    return mix(hash ^ tail);
  }


  @Override
  public void hashFixedWidth(long dataAddress, int byteWidth, long validityAddress,
      int rowCount, long[] hashes, boolean first) {
    for (int row = 0; row < rowCount; row++) {
      long value;
      switch (byteWidth) {
        case 1 -> value = MemoryUtil.getByte(dataAddress + row);
        case 2 -> value = MemoryUtil.getShort(dataAddress + 2L * row);
        case 4 -> value = MemoryUtil.getInt(dataAddress + 4L * row);
        case 8 -> value = MemoryUtil.getLong(dataAddress + 8L * row);
        default -> value = hashBytes(dataAddress + (long) byteWidth * row, byteWidth);
      }
      long hash = !io.quiver.engine.exec.batch.BitBuffers.isNull(validityAddress, row) ? mix(value) : NULL_HASH;
      hashes[row] = first ? hash : combine(hashes[row], hash);
    }
  }

  @Override
  public void hashVariableWidth(long offsetAddress, long dataAddress, long validityAddress,
      int rowCount, long[] hashes, boolean first) {
    for (int row = 0; row < rowCount; row++) {
      long hash;
      if (!io.quiver.engine.exec.batch.BitBuffers.isNull(validityAddress, row)) {
        int start = MemoryUtil.getInt(offsetAddress + 4L * row);
        int end = MemoryUtil.getInt(offsetAddress + 4L * row + 4);
        hash = hashBytes(dataAddress + start, end - start);
      } else {
        hash = NULL_HASH;
      }
      hashes[row] = first ? hash : combine(hashes[row], hash);
    }
  }

  @Override
  public int selectTrue(byte[] flags, int rowCount, int[] selection) {
    int count = 0;
    for (int row = 0; row < rowCount; row++) {
      selection[count] = row;
      count += flags[row];
    }
    return count;
  }
}
