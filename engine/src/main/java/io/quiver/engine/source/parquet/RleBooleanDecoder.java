package io.quiver.engine.source.parquet;

/**
 * RLE encoding of BOOLEAN values in data pages: a 4-byte little-endian length, then the
 * RLE/bit-packed hybrid with bit width 1.
 */
final class RleBooleanDecoder implements ValuesDecoder {
  private final RleBitPackedHybridDecoder runs;
  private int[] scratch = new int[256];

  RleBooleanDecoder(byte[] data, int offset, int end) {
    if (offset + 4 > end) {
      throw ParquetData.corrupt("RLE BOOLEAN page has no length prefix");
    }
    int length = (int) PhysicalValues.INT.get(data, offset);
    ParquetData.checkRange(offset + 4L, length, end, "RLE BOOLEAN data");
    this.runs = new RleBitPackedHybridDecoder(data, offset + 4, offset + 4 + length, 1);
  }

  @Override
  public void read(int count, PhysicalValues out) {
    if (scratch.length < count) {
      scratch = new int[count];
    }
    runs.read(scratch, 0, count);
    int target = out.reserveFixed(count);
    byte[] bytes = out.bytes();
    for (int i = 0; i < count; i++) {
      bytes[target + i] = (byte) scratch[i];
    }
    out.commitFixed(count);
  }
}
