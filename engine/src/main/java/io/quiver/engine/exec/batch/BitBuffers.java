package io.quiver.engine.exec.batch;

import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Bit-level helpers over Arrow bitmaps (validity buffers and {@code BitVector} data) read and
 * written by address. Bit {@code i} is bit {@code i % 8} of byte {@code i / 8} (Arrow's
 * least-significant-bit order).
 */
public final class BitBuffers {
  private BitBuffers() {}

  /** Whether bit {@code index} of the bitmap at {@code address} is set. */
  public static boolean isSet(long address, int index) {
    return ((MemoryUtil.getByte(address + (index >>> 3)) >>> (index & 7)) & 1) != 0;
  }

  /**
   * Whether row {@code index} is NULL given a validity address, where 0 means "no NULLs"
   * (see {@link Validity#addressIfNulls}).
   */
  public static boolean isNull(long validityOrZero, int index) {
    return validityOrZero != 0 && !isSet(validityOrZero, index);
  }

  /** Sets bit {@code index} of the bitmap at {@code address}. */
  public static void setBit(long address, int index) {
    long at = address + (index >>> 3);
    MemoryUtil.putByte(at, (byte) (MemoryUtil.getByte(at) | (1 << (index & 7))));
  }

  /** Bit {@code index} of the bitmap at {@code address} as 0 or 1. */
  public static int get(long address, int index) {
    return (MemoryUtil.getByte(address + (index >>> 3)) >>> (index & 7)) & 1;
  }

  /**
   * Writes the low {@code bitCount} bits of {@code word} (at most 64) into the bitmap at
   * {@code address} starting at bit {@code firstBit}, which must be a multiple of 64. Whole
   * bytes are written: bits past {@code bitCount} in the last byte become zero.
   */
  public static void putWord(long address, int firstBit, long word, int bitCount) {
    long target = address + (firstBit >>> 3);
    if (bitCount == 64) {
      MemoryUtil.putLong(target, word);
      return;
    }
    int bytes = (bitCount + 7) >>> 3;
    for (int b = 0; b < bytes; b++) {
      MemoryUtil.putByte(target + b, (byte) (word >>> (b << 3)));
    }
  }

  /**
   * Copies {@code count} bits starting at bit 0 of {@code source} into {@code target} starting
   * at bit {@code at}. Bits of {@code target} below {@code at} are kept; bits after
   * {@code at + count} in the last byte written become zero. Works a 64-bit word at a time.
   */
  public static void appendBits(long source, int count, long target, int at) {
    if (count <= 0) {
      return;
    }
    int shift = at & 7;
    long out = target + (at >>> 3);
    int fullWords = count >>> 6;
    if (shift == 0) {
      int bytes = (count + 7) >>> 3;
      MemoryUtil.copyMemory(source, out, bytes);
      if ((count & 7) != 0) {
        long last = out + bytes - 1;
        MemoryUtil.putByte(last, (byte) (MemoryUtil.getByte(last) & ((1 << (count & 7)) - 1)));
      }
      return;
    }
    long carry = MemoryUtil.getByte(out) & ((1L << shift) - 1);
    for (int w = 0; w < fullWords; w++) {
      long word = MemoryUtil.getLong(source + ((long) w << 3));
      MemoryUtil.putLong(out + ((long) w << 3), carry | (word << shift));
      carry = word >>> (64 - shift);
    }
    int remaining = count - (fullWords << 6);
    long sourceTail = source + ((long) fullWords << 3);
    long outTail = out + ((long) fullWords << 3);
    int sourceBytes = (remaining + 7) >>> 3;
    for (int b = 0; b < sourceBytes; b++) {
      int value = MemoryUtil.getByte(sourceTail + b) & 0xff;
      if (b == sourceBytes - 1 && (remaining & 7) != 0) {
        value &= (1 << (remaining & 7)) - 1;
      }
      MemoryUtil.putByte(outTail + b, (byte) (carry | ((long) value << shift)));
      carry = value >>> (8 - shift);
    }
    // The output needs ceil((shift + remaining) / 8) bytes of the tail; one more if the carry
    // still holds bits that belong to the range.
    int outBytes = (shift + remaining + 7) >>> 3;
    if (outBytes > sourceBytes) {
      MemoryUtil.putByte(outTail + sourceBytes, (byte) carry);
    }
  }

  /**
   * Sets {@code count} bits to one starting at bit {@code at}; bits below {@code at} in the
   * first byte are kept, bits after the range in the last byte written become zero.
   */
  public static void setBits(long target, int count, int at) {
    if (count <= 0) {
      return;
    }
    int shift = at & 7;
    long out = target + (at >>> 3);
    int remaining = count;
    if (shift != 0) {
      int inFirst = Math.min(8 - shift, remaining);
      int value = MemoryUtil.getByte(out) & ((1 << shift) - 1);
      MemoryUtil.putByte(out, (byte) (value | (((1 << inFirst) - 1) << shift)));
      remaining -= inFirst;
      out++;
    }
    int fullBytes = remaining >>> 3;
    if (fullBytes > 0) {
      MemoryUtil.setMemory(out, fullBytes, (byte) 0xff);
    }
    int rest = remaining & 7;
    if (rest > 0) {
      MemoryUtil.putByte(out + fullBytes, (byte) ((1 << rest) - 1));
    }
  }

  /**
   * Copies {@code count} bits starting at bit {@code fromBit} of {@code source} to bit 0 of
   * {@code target}; bits after {@code count} in the last byte written become zero. Never reads
   * past the byte holding the last source bit.
   */
  public static void copyBits(long source, int fromBit, int count, long target) {
    if (count <= 0) {
      return;
    }
    int shift = fromBit & 7;
    long in = source + (fromBit >>> 3);
    int bytes = (count + 7) >>> 3;
    if (shift == 0) {
      MemoryUtil.copyMemory(in, target, bytes);
    } else {
      int lastSourceByte = (shift + count - 1) >>> 3;
      for (int k = 0; k < bytes; k++) {
        int value = (MemoryUtil.getByte(in + k) & 0xff) >>> shift;
        if (k + 1 <= lastSourceByte) {
          value |= (MemoryUtil.getByte(in + k + 1) & 0xff) << (8 - shift);
        }
        MemoryUtil.putByte(target + k, (byte) value);
      }
    }
    if ((count & 7) != 0) {
      long last = target + bytes - 1;
      MemoryUtil.putByte(last, (byte) (MemoryUtil.getByte(last) & ((1 << (count & 7)) - 1)));
    }
  }
}
