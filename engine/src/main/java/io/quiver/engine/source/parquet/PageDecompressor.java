package io.quiver.engine.source.parquet;

import io.airlift.compress.MalformedInputException;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.format.CompressionCodec;
import org.brotli.dec.BrotliInputStream;

/**
 * Decompresses page bodies in pure Java: SNAPPY (Quiver's own {@link SnappyDecoder}), ZSTD,
 * LZ4_RAW and Hadoop-framed LZ4 (aircompressor), GZIP (the JDK, concatenated members
 * included), BROTLI (org.brotli:dec). The output must be exactly the page header's uncompressed
 * size, otherwise a DATA error. LZO and codecs Quiver does not know are UNSUPPORTED.
 *
 * <p>The output goes into one buffer per decompressor, reused from page to page (grown when a
 * page is larger): a page's bytes are valid until the next call, so a caller that keeps them
 * (a dictionary) copies them out first. The buffer may be longer than the page; callers use
 * the size they asked for, never the array's length.
 */
final class PageDecompressor {
  private final CompressionCodec codec;
  private byte[] buffer = new byte[0];

  PageDecompressor(CompressionCodec codec) {
    this.codec = codec;
    if (codec == null) {
      throw ParquetData.unsupported("compression codec with an unknown id (newer than this"
          + " reader); rewrite the file with SNAPPY, ZSTD, GZIP, LZ4_RAW, BROTLI or none");
    }
    if (codec == CompressionCodec.LZO) {
      throw ParquetData.unsupported("LZO compression is not supported (no pure-Java decoder);"
          + " rewrite the file with SNAPPY, ZSTD, GZIP, LZ4_RAW or BROTLI");
    }
  }

  CompressionCodec codec() {
    return codec;
  }

  /**
   * Decompresses {@code data[offset, offset + length)} into exactly {@code size} bytes, which
   * are {@code [0, size)} of the returned array (valid until the next call; uncompressed
   * pages are copied there too, so every page starts at 0).
   */
  byte[] decompress(byte[] data, int offset, int length, int size) {
    if (codec == CompressionCodec.UNCOMPRESSED) {
      if (length != size) {
        throw ParquetData.corrupt("uncompressed page has %d bytes but its header says %d",
            length, size);
      }
      byte[] out = buffer(size);
      System.arraycopy(data, offset, out, 0, size);
      return out;
    }
    byte[] out = buffer(size);
    if (size == 0 && length == 0) {
      return out;
    }
    int produced;
    try {
      switch (codec) {
        case SNAPPY:
          produced = SnappyDecoder.decode(data, offset, length, out, size);
          break;
        case ZSTD:
          produced = new ZstdDecompressor().decompress(data, offset, length, out, 0, size);
          break;
        case LZ4_RAW:
          produced = new Lz4Decompressor().decompress(data, offset, length, out, 0, size);
          break;
        case LZ4:
          // Rare: the framing reader fills an array of exactly the page's size.
          out = new byte[size];
          produced = HadoopLz4.decompress(data, offset, length, out);
          break;
        case GZIP:
          produced = drain(new GZIPInputStream(new ByteArrayInputStream(data, offset, length)),
              out, size);
          break;
        case BROTLI:
          produced = drain(new BrotliInputStream(new ByteArrayInputStream(data, offset,
              length)), out, size);
          break;
        default:
          throw ParquetData.unsupported("compression codec %s is not supported", codec);
      }
    } catch (MalformedInputException | IOException | IllegalArgumentException
        | IllegalStateException | IndexOutOfBoundsException | UnsupportedOperationException e) {
      throw new io.quiver.udf.error.QuiverException(io.quiver.udf.error.ErrorKind.DATA,
          codec + " page data does not decompress: " + e.getMessage()
              + ". The file is corrupt or truncated", e);
    }
    if (produced != size) {
      throw ParquetData.corrupt("%s page decompressed to %d bytes but its header says %d",
          codec, produced, size);
    }
    return out;
  }

  /** The reusable output buffer, with room for {@code size} bytes and the Snappy slack. */
  private byte[] buffer(int size) {
    int needed = size + SnappyDecoder.SLACK;
    if (buffer.length < needed) {
      buffer = new byte[Math.max(needed, (int) Math.min(Integer.MAX_VALUE - 16,
          buffer.length + (long) buffer.length / 2))];
    }
    return buffer;
  }

  /** Reads the stream into {@code out[0, size)}; reading past {@code size} is an error. */
  private static int drain(InputStream in, byte[] out, int size) throws IOException {
    try (InputStream stream = in) {
      int total = 0;
      while (total < size) {
        int n = stream.read(out, total, size - total);
        if (n < 0) {
          return total;
        }
        total += n;
      }
      if (stream.read() >= 0) {
        return total + 1;
      }
      return total;
    }
  }
}
