package io.quiver.engine.source.parquet;

/** PLAIN encoding of BOOLEAN: one bit per value, least significant bit first. */
final class PlainBooleanDecoder implements ValuesDecoder {
  private final byte[] data;
  private final long endBit;
  private long bit;

  PlainBooleanDecoder(byte[] data, int offset, int end) {
    this.data = data;
    this.bit = (long) offset * 8;
    this.endBit = (long) end * 8;
  }

  @Override
  public void read(int count, PhysicalValues out) {
    if (bit + count > endBit) {
      throw ParquetData.corrupt("PLAIN BOOLEAN page holds %d values, %d were asked for",
          endBit - bit, count);
    }
    int target = out.reserveFixed(count);
    byte[] bytes = out.bytes();
    long b = bit;
    for (int i = 0; i < count; i++, b++) {
      bytes[target + i] = (byte) ((data[(int) (b >>> 3)] >>> (b & 7)) & 1);
    }
    bit = b;
    out.commitFixed(count);
  }
}
