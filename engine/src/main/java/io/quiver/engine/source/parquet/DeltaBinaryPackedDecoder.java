package io.quiver.engine.source.parquet;

/**
 * DELTA_BINARY_PACKED (INT32, INT64, and the lengths inside the two delta byte-array
 * encodings). A header (block size, miniblocks per block, total value count, first value as a
 * zigzag ULEB128), then blocks: a zigzag min delta, one bit-width byte per miniblock, and the
 * miniblocks' deltas minus the min delta bit-packed LSB first (widths 0..64). Arithmetic wraps
 * in 64 bits; INT32 values are the low 32 bits. The whole run is decoded when the decoder is
 * made, so {@link #endPosition()} tells where the following data starts.
 */
final class DeltaBinaryPackedDecoder implements ValuesDecoder {
  private final byte[] data;
  private final int end;
  private final int width;
  private int position;
  private final long[] values;
  private int next;

  /**
   * @param width 4 for INT32 output, 8 for INT64 output
   * @param maxValues an upper bound on the value count a valid header can state here
   */
  DeltaBinaryPackedDecoder(byte[] data, int offset, int end, int width, long maxValues) {
    ParquetData.checkRange(offset, end - offset, data.length, "DELTA_BINARY_PACKED data");
    this.data = data;
    this.position = offset;
    this.end = end;
    this.width = width;
    long blockSize = readUnsignedVarint();
    long miniblocks = readUnsignedVarint();
    long total = readUnsignedVarint();
    long first = zigzag(readUnsignedVarint());
    if (blockSize <= 0 || blockSize % 128 != 0 || miniblocks <= 0 || blockSize % miniblocks != 0
        || (blockSize / miniblocks) % 32 != 0 || blockSize > (1 << 20)) {
      throw ParquetData.corrupt("DELTA_BINARY_PACKED header has block size %d and %d"
          + " miniblocks", blockSize, miniblocks);
    }
    if (total > maxValues || total > Integer.MAX_VALUE - 16) {
      throw ParquetData.corrupt("DELTA_BINARY_PACKED header states %d values where at most %d"
          + " can be", total, maxValues);
    }
    values = new long[(int) total];
    if (total == 0) {
      return;
    }
    values[0] = first;
    int count = 1;
    int perMiniblock = (int) (blockSize / miniblocks);
    long previous = first;
    int[] widths = new int[(int) miniblocks];
    while (count < total) {
      long minDelta = zigzag(readUnsignedVarint());
      if (position + miniblocks > end) {
        throw ParquetData.corrupt("DELTA_BINARY_PACKED miniblock widths are cut off at byte %d",
            position);
      }
      for (int m = 0; m < miniblocks; m++) {
        widths[m] = data[position++] & 0xFF;
      }
      for (int m = 0; m < miniblocks && count < total; m++) {
        int bitWidth = widths[m];
        if (bitWidth > 64) {
          throw ParquetData.corrupt("DELTA_BINARY_PACKED miniblock bit width %d is above 64",
              bitWidth);
        }
        long bytes = (long) perMiniblock * bitWidth / 8;
        int take = (int) Math.min(perMiniblock, total - count);
        // The last miniblock may be cut short by a writer: only the bits read must be there.
        long neededBits = (long) take * bitWidth;
        if ((long) position * 8 + neededBits > (long) end * 8) {
          throw ParquetData.corrupt("DELTA_BINARY_PACKED miniblock is cut off at byte %d",
              position);
        }
        long bit = (long) position * 8;
        for (int i = 0; i < take; i++) {
          long delta = readBits(bit, bitWidth);
          bit += bitWidth;
          previous = previous + minDelta + delta;
          values[count++] = previous;
        }
        position = (int) Math.min(end, position + bytes);
      }
    }
  }

  /** The byte after the last miniblock used. */
  int endPosition() {
    return position;
  }

  int valueCount() {
    return values.length;
  }

  /** The next value, for callers that want lengths one at a time. */
  long nextLong() {
    if (next >= values.length) {
      throw ParquetData.corrupt("DELTA_BINARY_PACKED run holds %d values, more were asked for",
          values.length);
    }
    return values[next++];
  }

  @Override
  public void read(int count, PhysicalValues out) {
    if (count > values.length - next) {
      throw ParquetData.corrupt("DELTA_BINARY_PACKED run holds %d values, %d were asked for",
          values.length - next, count);
    }
    int target = out.reserveFixed(count);
    byte[] bytes = out.bytes();
    if (width == 4) {
      for (int i = 0; i < count; i++) {
        PhysicalValues.INT.set(bytes, target + 4 * i, (int) values[next + i]);
      }
    } else {
      for (int i = 0; i < count; i++) {
        PhysicalValues.LONG.set(bytes, target + 8 * i, values[next + i]);
      }
    }
    next += count;
    out.commitFixed(count);
  }

  private long readBits(long bit, int bitWidth) {
    if (bitWidth == 0) {
      return 0;
    }
    int byteIndex = (int) (bit >>> 3);
    int shift = (int) (bit & 7);
    long low = word(byteIndex) >>> shift;
    if (bitWidth + shift > 64) {
      long high = (data[byteIndex + 8] & 0xFFL) << (64 - shift);
      low |= high;
    }
    return bitWidth == 64 ? low : low & ((1L << bitWidth) - 1);
  }

  private long word(int byteIndex) {
    if (byteIndex + 8 <= end) {
      return (long) PhysicalValues.LONG.get(data, byteIndex);
    }
    long word = 0;
    for (int i = 0; i < 8 && byteIndex + i < end; i++) {
      word |= (data[byteIndex + i] & 0xFFL) << (8 * i);
    }
    return word;
  }

  private long readUnsignedVarint() {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (position >= end) {
        throw ParquetData.corrupt("DELTA_BINARY_PACKED varint is cut off at byte %d", position);
      }
      int b = data[position++] & 0xFF;
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw ParquetData.corrupt("DELTA_BINARY_PACKED varint at byte %d is longer than 10 bytes",
        position);
  }

  private static long zigzag(long value) {
    return (value >>> 1) ^ -(value & 1);
  }
}
