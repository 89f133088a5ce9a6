package io.quiver.engine.source.parquet;

/**
 * DELTA_LENGTH_BYTE_ARRAY: all value lengths as DELTA_BINARY_PACKED, then all value bytes
 * back to back.
 */
final class DeltaLengthByteArrayDecoder implements ValuesDecoder {
  private final byte[] data;
  private final int end;
  private final DeltaBinaryPackedDecoder lengths;
  private int position;

  DeltaLengthByteArrayDecoder(byte[] data, int offset, int end, long maxValues) {
    this.data = data;
    this.end = end;
    this.lengths = new DeltaBinaryPackedDecoder(data, offset, end, 8, maxValues);
    this.position = lengths.endPosition();
  }

  /** The byte after the last value, once all were read. */
  int position() {
    return position;
  }

  int valueCount() {
    return lengths.valueCount();
  }

  @Override
  public void read(int count, PhysicalValues out) {
    for (int i = 0; i < count; i++) {
      long size = lengths.nextLong();
      if (size < 0 || size > end - position) {
        throw ParquetData.corrupt("DELTA_LENGTH_BYTE_ARRAY value of %d bytes at byte %d runs"
            + " past the page end %d", size, position, end);
      }
      out.appendVariable(data, position, (int) size);
      position += (int) size;
    }
  }

  /** Skips past the next value and returns its offset; its length is {@link #lastLength}. */
  int nextValue() {
    long size = lengths.nextLong();
    if (size < 0 || size > end - position) {
      throw ParquetData.corrupt("DELTA_BYTE_ARRAY suffix of %d bytes at byte %d runs past the"
          + " page end %d", size, position, end);
    }
    int start = position;
    position += (int) size;
    lastLength = (int) size;
    return start;
  }

  private int lastLength;

  int lastLength() {
    return lastLength;
  }
}
