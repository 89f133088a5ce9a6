package io.quiver.engine.source.parquet;

import java.io.ByteArrayOutputStream;

/** Builds encoded byte inputs for the decoder tests, straight from the format spec. */
final class ParquetTestEncodings {
  private ParquetTestEncodings() {}

  static void varint(ByteArrayOutputStream out, long value) {
    long v = value;
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  static long zigzag(long value) {
    return (value << 1) ^ (value >> 63);
  }

  /** Packs values LSB first at {@code bitWidth} bits each (0..64), padded to whole bytes. */
  static byte[] bitPack(long[] values, int bitWidth) {
    byte[] out = new byte[(int) (((long) values.length * bitWidth + 7) / 8)];
    long bit = 0;
    for (long value : values) {
      for (int b = 0; b < bitWidth; b++, bit++) {
        if (((value >>> b) & 1) != 0) {
          out[(int) (bit >>> 3)] |= (byte) (1 << (bit & 7));
        }
      }
    }
    return out;
  }

  /** A bit-packed run of {@code values} (a multiple of 8). */
  static void bitPackedRun(ByteArrayOutputStream out, long[] values, int bitWidth) {
    varint(out, ((long) values.length / 8 << 1) | 1);
    out.writeBytes(bitPack(values, bitWidth));
  }

  static void rleRun(ByteArrayOutputStream out, int count, int value, int bitWidth) {
    varint(out, (long) count << 1);
    for (int i = 0; i < (bitWidth + 7) / 8; i++) {
      out.write((value >>> (8 * i)) & 0xFF);
    }
  }

  /** DELTA_BINARY_PACKED with blocks of 128 values in 4 miniblocks of 32. */
  static byte[] deltaBinaryPacked(long[] values) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    varint(out, 128);
    varint(out, 4);
    varint(out, values.length);
    varint(out, zigzag(values.length == 0 ? 0 : values[0]));
    int index = 1;
    while (index < values.length) {
      int blockValues = Math.min(128, values.length - index);
      long[] deltas = new long[blockValues];
      long minDelta = Long.MAX_VALUE;
      for (int i = 0; i < blockValues; i++) {
        deltas[i] = values[index + i] - values[index + i - 1];
        minDelta = Math.min(minDelta, deltas[i]);
      }
      varint(out, zigzag(minDelta));
      int miniblocks = (blockValues + 31) / 32;
      long[][] packed = new long[4][32];
      int[] widths = new int[4];
      for (int m = 0; m < miniblocks; m++) {
        for (int i = 0; i < 32; i++) {
          int at = m * 32 + i;
          long relative = at < blockValues ? deltas[at] - minDelta : 0;
          packed[m][i] = relative;
          widths[m] = Math.max(widths[m], 64 - Long.numberOfLeadingZeros(relative));
        }
      }
      for (int m = 0; m < 4; m++) {
        out.write(widths[m]);
      }
      for (int m = 0; m < miniblocks; m++) {
        out.writeBytes(bitPack(packed[m], widths[m]));
      }
      index += blockValues;
    }
    return out.toByteArray();
  }
}
