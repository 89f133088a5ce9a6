package io.quiver.engine.source.parquet;

/**
 * The RLE/bit-packed hybrid encoding of the Parquet spec, for definition and repetition levels,
 * dictionary indices and RLE booleans: a sequence of runs, each led by a ULEB128 header whose
 * low bit selects a bit-packed run ({@code header >>> 1} groups of 8 values, LSB first) or an
 * RLE run ({@code header >>> 1} repeats of one value stored in {@code ceil(bitWidth / 8)}
 * little-endian bytes). Bit widths 0..32.
 */
final class RleBitPackedHybridDecoder {
  private final byte[] data;
  private final int end;
  private final int bitWidth;
  private final long mask;
  private int position;
  /** Values left in the current run. */
  private int remaining;
  private boolean packed;
  private int rleValue;
  /** Bit position of the next bit-packed value, relative to {@code data}. */
  private long bitPosition;

  RleBitPackedHybridDecoder(byte[] data, int offset, int end, int bitWidth) {
    if (bitWidth < 0 || bitWidth > 32) {
      throw ParquetData.corrupt("RLE/bit-packed bit width %d is outside 0..32", bitWidth);
    }
    ParquetData.checkRange(offset, end - offset, data.length, "RLE/bit-packed data");
    this.data = data;
    this.position = offset;
    this.end = end;
    this.bitWidth = bitWidth;
    this.mask = bitWidth == 32 ? 0xFFFFFFFFL : (1L << bitWidth) - 1;
  }

  int bitWidth() {
    return bitWidth;
  }

  /** Reads {@code count} values into {@code out[offset..]}. */
  void read(int[] out, int offset, int count) {
    int done = 0;
    while (done < count) {
      if (remaining == 0) {
        nextRun();
        continue;
      }
      int n = Math.min(remaining, count - done);
      if (packed) {
        unpack(out, offset + done, n);
      } else {
        java.util.Arrays.fill(out, offset + done, offset + done + n, rleValue);
      }
      remaining -= n;
      done += n;
    }
  }

  /**
   * When the next {@code count} values are all {@code value} within one RLE run, consumes them
   * and returns true (definition levels of a page without nulls); else consumes nothing of the
   * current run and returns false.
   */
  boolean skipRepeated(int count, int value) {
    while (remaining == 0) {
      nextRun(); // consumes bytes or throws, like read()
    }
    if (packed || rleValue != value || remaining < count) {
      return false;
    }
    remaining -= count;
    return true;
  }

  /** Reads one value. */
  int next() {
    while (remaining == 0) {
      nextRun();
    }
    remaining--;
    if (packed) {
      int value = extract(bitPosition);
      bitPosition += bitWidth;
      return value;
    }
    return rleValue;
  }

  private void nextRun() {
    if (position >= end) {
      throw ParquetData.corrupt("RLE/bit-packed data ends at byte %d before all values were"
          + " read", position);
    }
    long header = 0;
    int shift = 0;
    while (true) {
      if (position >= end) {
        throw ParquetData.corrupt("RLE/bit-packed run header is cut off at byte %d", position);
      }
      int b = data[position++] & 0xFF;
      header |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
      shift += 7;
      if (shift > 28) {
        throw ParquetData.corrupt("RLE/bit-packed run header at byte %d is longer than 5 bytes",
            position);
      }
    }
    if ((header & 1) == 1) {
      long values = (header >>> 1) * 8;
      long bytes = (header >>> 1) * bitWidth;
      if (values > Integer.MAX_VALUE) {
        throw ParquetData.corrupt("bad bit-packed run of %d values", values);
      }
      // A writer may cut the last run short of its padding: values beyond the data are only
      // an error when someone reads them (checked in extract).
      packed = true;
      remaining = (int) values;
      bitPosition = (long) position * 8;
      position = (int) Math.min(end, position + bytes);
    } else {
      long values = header >>> 1;
      if (values > Integer.MAX_VALUE) {
        throw ParquetData.corrupt("bad RLE run of %d values", values);
      }
      int bytes = (bitWidth + 7) / 8;
      if (position + bytes > end) {
        throw ParquetData.corrupt("RLE run value is cut off at byte %d", position);
      }
      int value = 0;
      for (int i = 0; i < bytes; i++) {
        value |= (data[position + i] & 0xFF) << (8 * i);
      }
      if (bitWidth < 32 && (value & ~mask) != 0) {
        throw ParquetData.corrupt("RLE run value %d does not fit in %d bits", value, bitWidth);
      }
      position += bytes;
      packed = false;
      rleValue = value;
      remaining = (int) values;
    }
  }

  private void unpack(int[] out, int offset, int n) {
    if (bitWidth == 0) {
      java.util.Arrays.fill(out, offset, offset + n, 0);
      return;
    }
    long lastBit = bitPosition + (long) n * bitWidth;
    if (lastBit > (long) end * 8) {
      throw ParquetData.corrupt("bit-packed run needs bits up to %d but the data ends at byte %d",
          lastBit, end);
    }
    int width = bitWidth;
    long valueMask = mask;
    long bit = bitPosition;
    int i = 0;
    // values before the next group of 8 (groups start on byte boundaries)
    int lead = Math.min(n, remaining & 7);
    for (; i < lead; i++) {
      out[offset + i] = extractUnchecked(bit);
      bit += width;
    }
    // Whole groups of 8 values: bitWidth bytes each, starting on a byte boundary, read as
    // independent 8-byte words (one word holds a whole group of up to 8-bit values) instead of
    // one dependent step per value.
    int groupEnd = end - width - 8;
    if (width <= 8) {
      for (; n - i >= 8 && (int) (bit >>> 3) <= end - 8; i += 8) {
        long word = (long) PhysicalValues.LONG.get(data, (int) (bit >>> 3));
        int o = offset + i;
        out[o] = (int) (word & valueMask);
        out[o + 1] = (int) ((word >>> width) & valueMask);
        out[o + 2] = (int) ((word >>> (2 * width)) & valueMask);
        out[o + 3] = (int) ((word >>> (3 * width)) & valueMask);
        out[o + 4] = (int) ((word >>> (4 * width)) & valueMask);
        out[o + 5] = (int) ((word >>> (5 * width)) & valueMask);
        out[o + 6] = (int) ((word >>> (6 * width)) & valueMask);
        out[o + 7] = (int) ((word >>> (7 * width)) & valueMask);
        bit += 8L * width;
      }
    } else {
      for (; n - i >= 8 && (int) (bit >>> 3) <= groupEnd; i += 8) {
        int base = (int) (bit >>> 3);
        int o = offset + i;
        for (int k = 0; k < 8; k++) {
          int at = k * width;
          long word = (long) PhysicalValues.LONG.get(data, base + (at >>> 3));
          out[o + k] = (int) ((word >>> (at & 7)) & valueMask);
        }
        bit += 8L * width;
      }
    }
    for (; i < n; i++) {
      out[offset + i] = extractUnchecked(bit);
      bit += width;
    }
    bitPosition = bit;
  }

  /** A value whose bits are known to lie before the end of the data. */
  private int extractUnchecked(long bit) {
    int byteIndex = (int) (bit >>> 3);
    long word = byteIndex <= end - 8 ? (long) PhysicalValues.LONG.get(data, byteIndex)
        : tail(byteIndex);
    return (int) ((word >>> (bit & 7)) & mask);
  }

  private int extract(long bit) {
    if (bitWidth == 0) {
      return 0;
    }
    if (bit + bitWidth > (long) end * 8) {
      throw ParquetData.corrupt("bit-packed run needs bits past the end of its data (byte %d)",
          end);
    }
    int byteIndex = (int) (bit >>> 3);
    long word = byteIndex <= end - 8 ? (long) PhysicalValues.LONG.get(data, byteIndex)
        : tail(byteIndex);
    return (int) ((word >>> (bit & 7)) & mask);
  }

  private long tail(int byteIndex) {
    long word = 0;
    for (int i = 0; i < 8 && byteIndex + i < end; i++) {
      word |= (long) (data[byteIndex + i] & 0xFF) << (8 * i);
    }
    return word;
  }
}
