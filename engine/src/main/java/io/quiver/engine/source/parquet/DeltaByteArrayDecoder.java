package io.quiver.engine.source.parquet;

import java.util.Arrays;

/**
 * DELTA_BYTE_ARRAY (incremental encoding) of BYTE_ARRAY and FIXED_LEN_BYTE_ARRAY: prefix
 * lengths as DELTA_BINARY_PACKED, then suffixes as DELTA_LENGTH_BYTE_ARRAY; each value is the
 * first {@code prefix} bytes of the previous value followed by its suffix.
 */
final class DeltaByteArrayDecoder implements ValuesDecoder {
  private final byte[] data;
  private final DeltaBinaryPackedDecoder prefixes;
  private final DeltaLengthByteArrayDecoder suffixes;
  /** Bytes per value for FIXED_LEN_BYTE_ARRAY, or -1. */
  private final int fixedWidth;
  private byte[] previous = new byte[64];
  private int previousLength;

  DeltaByteArrayDecoder(byte[] data, int offset, int end, int fixedWidth, long maxValues) {
    this.data = data;
    this.fixedWidth = fixedWidth;
    this.prefixes = new DeltaBinaryPackedDecoder(data, offset, end, 8, maxValues);
    this.suffixes = new DeltaLengthByteArrayDecoder(data, prefixes.endPosition(), end,
        maxValues);
    if (prefixes.valueCount() != suffixes.valueCount()) {
      throw ParquetData.corrupt("DELTA_BYTE_ARRAY has %d prefixes but %d suffixes",
          prefixes.valueCount(), suffixes.valueCount());
    }
  }

  @Override
  public void read(int count, PhysicalValues out) {
    for (int i = 0; i < count; i++) {
      long prefix = prefixes.nextLong();
      if (prefix < 0 || prefix > previousLength) {
        throw ParquetData.corrupt("DELTA_BYTE_ARRAY prefix length %d exceeds the previous"
            + " value's %d bytes", prefix, previousLength);
      }
      int suffixStart = suffixes.nextValue();
      int suffixLength = suffixes.lastLength();
      int length = (int) prefix + suffixLength;
      if (length > previous.length) {
        previous = Arrays.copyOf(previous, Math.max(length, previous.length * 2));
      }
      System.arraycopy(data, suffixStart, previous, (int) prefix, suffixLength);
      previousLength = length;
      if (fixedWidth >= 0) {
        if (length != fixedWidth) {
          throw ParquetData.corrupt("DELTA_BYTE_ARRAY value has %d bytes in a"
              + " FIXED_LEN_BYTE_ARRAY(%d) column", length, fixedWidth);
        }
        int target = out.reserveFixed(1);
        System.arraycopy(previous, 0, out.bytes(), target, length);
        out.commitFixed(1);
      } else {
        out.appendVariable(previous, 0, length);
      }
    }
  }
}
