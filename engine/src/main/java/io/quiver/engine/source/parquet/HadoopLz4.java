package io.quiver.engine.source.parquet;

import io.airlift.compress.lz4.Lz4Decompressor;

/**
 * The {@code LZ4} codec of older Parquet writers: Hadoop's block framing (a 4-byte big-endian
 * uncompressed length, then chunks of a 4-byte big-endian compressed length and a raw LZ4
 * block). Some writers put one raw LZ4 block without framing under the same codec; when the
 * framing does not add up, the data is decoded as one raw block.
 */
final class HadoopLz4 {
  private HadoopLz4() {}

  static int decompress(byte[] data, int offset, int length, byte[] out) {
    int framed = framed(data, offset, length, out);
    if (framed >= 0) {
      return framed;
    }
    return new Lz4Decompressor().decompress(data, offset, length, out, 0, out.length);
  }

  /** Decodes Hadoop framing; -1 when the data is not framed that way. */
  private static int framed(byte[] data, int offset, int length, byte[] out) {
    int position = offset;
    int end = offset + length;
    int produced = 0;
    int blocks = 0;
    while (position < end) {
      if (end - position < 8) {
        return -1;
      }
      int blockSize = readBigEndian(data, position);
      if (blockSize < 0 || blockSize > out.length - produced) {
        return -1;
      }
      position += 4;
      int blockEnd = produced + blockSize;
      while (produced < blockEnd) {
        if (end - position < 4) {
          return -1;
        }
        int chunk = readBigEndian(data, position);
        position += 4;
        if (chunk <= 0 || chunk > end - position) {
          return -1;
        }
        try {
          produced += new Lz4Decompressor().decompress(data, position, chunk, out, produced,
              blockEnd - produced);
        } catch (RuntimeException e) {
          if (blocks == 0) {
            return -1;
          }
          throw e;
        }
        position += chunk;
        blocks++;
      }
    }
    return produced;
  }

  private static int readBigEndian(byte[] data, int position) {
    return ((data[position] & 0xFF) << 24) | ((data[position + 1] & 0xFF) << 16)
        | ((data[position + 2] & 0xFF) << 8) | (data[position + 3] & 0xFF);
  }
}
