package io.quiver.engine.source.parquet;

/**
 * BYTE_STREAM_SPLIT: for N values of W bytes, byte k of every value sits in stream k, the
 * streams back to back ({@code N * W} bytes). Values are reassembled little-endian.
 */
final class ByteStreamSplitDecoder implements ValuesDecoder {
  private final byte[] data;
  private final int offset;
  private final int width;
  private final int valueCount;
  private int next;

  ByteStreamSplitDecoder(byte[] data, int offset, int end, int width) {
    int size = end - offset;
    if (width <= 0 || size % width != 0) {
      throw ParquetData.corrupt("BYTE_STREAM_SPLIT page of %d bytes is not a whole number of"
          + " %d-byte values", size, width);
    }
    this.data = data;
    this.offset = offset;
    this.width = width;
    this.valueCount = size / width;
  }

  @Override
  public void read(int count, PhysicalValues out) {
    if (count > valueCount - next) {
      throw ParquetData.corrupt("BYTE_STREAM_SPLIT page holds %d values, %d were asked for",
          valueCount - next, count);
    }
    int target = out.reserveFixed(count);
    byte[] bytes = out.bytes();
    for (int k = 0; k < width; k++) {
      int stream = offset + k * valueCount + next;
      for (int i = 0; i < count; i++) {
        bytes[target + i * width + k] = data[stream + i];
      }
    }
    next += count;
    out.commitFixed(count);
  }
}
