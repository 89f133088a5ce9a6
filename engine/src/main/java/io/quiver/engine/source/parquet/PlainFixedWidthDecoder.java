package io.quiver.engine.source.parquet;

/**
 * PLAIN encoding of fixed-width values (INT32, INT64, INT96, FLOAT, DOUBLE,
 * FIXED_LEN_BYTE_ARRAY): little-endian values back to back, so a read is one bulk copy.
 */
final class PlainFixedWidthDecoder implements ValuesDecoder {
  private final byte[] data;
  private final int end;
  private final int width;
  private int position;

  PlainFixedWidthDecoder(byte[] data, int offset, int end, int width) {
    this.data = data;
    this.position = offset;
    this.end = end;
    this.width = width;
  }

  @Override
  public void read(int count, PhysicalValues out) {
    long size = (long) count * width;
    if (position + size > end) {
      throw ParquetData.corrupt("PLAIN page holds %d values of %d bytes, %d were asked for",
          (end - position) / width, width, count);
    }
    int target = out.reserveFixed(count);
    System.arraycopy(data, position, out.bytes(), target, (int) size);
    out.commitFixed(count);
    position += (int) size;
  }
}
