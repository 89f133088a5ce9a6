package io.quiver.engine.source.parquet;

/** PLAIN encoding of BYTE_ARRAY: each value is a 4-byte little-endian length and its bytes. */
final class PlainByteArrayDecoder implements ValuesDecoder {
  private final byte[] data;
  private final int end;
  private int position;

  PlainByteArrayDecoder(byte[] data, int offset, int end) {
    this.data = data;
    this.position = offset;
    this.end = end;
  }

  @Override
  public void read(int count, PhysicalValues out) {
    for (int i = 0; i < count; i++) {
      if (position + 4 > end) {
        throw ParquetData.corrupt("PLAIN BYTE_ARRAY length is cut off at byte %d", position);
      }
      int size = (int) PhysicalValues.INT.get(data, position);
      position += 4;
      if (size < 0 || size > end - position) {
        throw ParquetData.corrupt("PLAIN BYTE_ARRAY value of %d bytes at byte %d runs past the"
            + " page end %d", size, position, end);
      }
      out.appendVariable(data, position, size);
      position += size;
    }
  }
}
