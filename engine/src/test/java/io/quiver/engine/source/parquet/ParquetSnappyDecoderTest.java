package io.quiver.engine.source.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.airlift.compress.snappy.SnappyCompressor;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.apache.parquet.format.CompressionCodec;
import org.junit.jupiter.api.Test;

/** Quiver's Snappy decoder against aircompressor's compressor, and on malformed blocks. */
class ParquetSnappyDecoderTest {

  @Test
  void decodesWhatAircompressorWrites() {
    Random random = new Random(42);
    for (int size : new int[] {0, 1, 7, 8, 15, 16, 17, 63, 64, 65, 1000, 70_000, 1 << 20}) {
      for (int kind = 0; kind < 5; kind++) {
        byte[] data = data(kind, size, random);
        assertThat(roundTrip(data)).as("kind %d, %d bytes", kind, size).isEqualTo(data);
      }
    }
  }

  @Test
  void decodesLiteralsOfEveryLengthForm() {
    // Literals with the length in the tag (1..60) and in 1, 2 and 3 following bytes, each
    // followed by a copy, inside a chunk so the fast loop decodes them.
    for (int length : new int[] {4, 16, 17, 60, 61, 255, 256, 300, 65_536, 70_000}) {
      byte[] literal = new byte[length];
      new Random(length).nextBytes(literal);
      // the literal, then a copy of its last 4 bytes (offset 4, in a 1-byte-offset copy)
      byte[] expected = Arrays.copyOf(literal, length + 4);
      System.arraycopy(literal, length - 4, expected, length, 4);
      byte[] block = withElement(literalBlock(literal), new byte[] {0b000_000_01, 4},
          expected.length);
      byte[] out = new byte[expected.length + 4096];
      SnappyDecoder.decode(embedded(block), EMBED_OFFSET, block.length, out, expected.length);
      assertThat(Arrays.copyOf(out, expected.length)).as("literal of %d", length)
          .isEqualTo(expected);
    }
  }

  /** A block (without its size preamble) holding one literal of {@code bytes}. */
  private static byte[] literalBlock(byte[] bytes) {
    int n = bytes.length - 1;
    byte[] tag;
    if (n < 60) {
      tag = new byte[] {(byte) (n << 2)};
    } else if (n < 256) {
      tag = new byte[] {(byte) (60 << 2), (byte) n};
    } else if (n < 65_536) {
      tag = new byte[] {(byte) (61 << 2), (byte) n, (byte) (n >>> 8)};
    } else {
      tag = new byte[] {(byte) (62 << 2), (byte) n, (byte) (n >>> 8), (byte) (n >>> 16)};
    }
    byte[] block = Arrays.copyOf(tag, tag.length + bytes.length);
    System.arraycopy(bytes, 0, block, tag.length, bytes.length);
    return block;
  }

  private static byte[] literalBlock(int length) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) 'q');
    return literalBlock(bytes);
  }

  /** A block stating {@code size} bytes: the preamble, then {@code body}, then {@code tail}. */
  private static byte[] withElement(byte[] body, byte[] tail, int size) {
    byte[] preamble = size < 128 ? new byte[] {(byte) size}
        : size < 16_384 ? new byte[] {(byte) (size | 0x80), (byte) (size >>> 7)}
        : new byte[] {(byte) (size | 0x80), (byte) (size >>> 7 | 0x80), (byte) (size >>> 14)};
    byte[] block = new byte[preamble.length + body.length + tail.length];
    System.arraycopy(preamble, 0, block, 0, preamble.length);
    System.arraycopy(body, 0, block, preamble.length, body.length);
    System.arraycopy(tail, 0, block, preamble.length + body.length, tail.length);
    return block;
  }

  @Test
  void decompressorReusesItsBufferAcrossPages() {
    PageDecompressor decompressor = new PageDecompressor(CompressionCodec.SNAPPY);
    byte[] large = data(2, 100_000, new Random(1));
    byte[] small = "a short page, a short page".getBytes(StandardCharsets.US_ASCII);
    byte[] first = decompressor.decompress(compress(large), 0, compress(large).length,
        large.length);
    assertThat(Arrays.copyOf(first, large.length)).isEqualTo(large);
    byte[] second = decompressor.decompress(compress(small), 0, compress(small).length,
        small.length);
    assertThat(second).isSameAs(first);
    assertThat(Arrays.copyOf(second, small.length)).isEqualTo(small);
  }

  @Test
  void malformedBlocksAreDataErrors() {
    byte[] data = data(1, 5000, new Random(7));
    byte[] block = compress(data);
    // Cut off anywhere, or stating another size.
    for (int cut = 0; cut < block.length; cut += 97) {
      assertDataError(Arrays.copyOf(block, cut), data.length);
    }
    assertDataError(block, data.length + 1);
    assertDataError(block, data.length - 1);
    // A copy from before the start of the output: length 4 (varint), then copy-1 with offset 9.
    assertDataError(new byte[] {4, 0b000_000_01, 9}, 4);
    // A copy with offset 0.
    assertDataError(new byte[] {5, 0, 'a', 0b000_000_01, 0}, 5);
    // A literal longer than the rest of the block.
    assertDataError(new byte[] {10, (byte) (9 << 2), 'a', 'b'}, 10);
    // A literal longer than the stated output.
    assertDataError(new byte[] {1, (byte) (2 << 2), 'a', 'b', 'c'}, 1);
    // In a longer block (so the fast loop sees them): a copy reaching before the output, a
    // literal running past the block, a long literal whose length bytes are cut off.
    byte[] prefix = literalBlock(200);
    assertDataError(withElement(prefix, new byte[] {0b000_000_01, (byte) 250}, 204), 204);
    assertDataError(withElement(prefix, new byte[] {(byte) (40 << 2), 'x'}, 241), 241);
    assertDataError(withElement(prefix, new byte[] {(byte) (62 << 2), 7}, 300), 300);
    // A varint preamble longer than 5 bytes.
    assertDataError(new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80,
        (byte) 0x80, 1}, 1);
    // Random bytes never escape as anything but a DATA error.
    Random random = new Random(3);
    for (int i = 0; i < 2000; i++) {
      byte[] corrupt = block.clone();
      for (int flips = 0; flips < 3; flips++) {
        corrupt[random.nextInt(corrupt.length)] ^= (byte) (1 << random.nextInt(8));
      }
      try {
        new PageDecompressor(CompressionCodec.SNAPPY).decompress(corrupt, 0, corrupt.length,
            data.length);
      } catch (QuiverException e) {
        assertThat(e.kind()).isEqualTo(ErrorKind.DATA);
      }
    }
  }

  /** The block is a DATA error alone and inside a larger chunk (fast and careful loops). */
  private static void assertDataError(byte[] block, int size) {
    QuiverException error = catchThrowableOfType(QuiverException.class,
        () -> new PageDecompressor(CompressionCodec.SNAPPY).decompress(block, 0, block.length,
            size));
    assertThat(error).as("block %s, size %d", Arrays.toString(
        Arrays.copyOf(block, Math.min(block.length, 12))), size).isNotNull();
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    QuiverException inChunk = catchThrowableOfType(QuiverException.class,
        () -> SnappyDecoder.decode(embedded(block), EMBED_OFFSET, block.length,
            new byte[size + 4096], size));
    assertThat(inChunk).as("in a chunk: block %s, size %d", Arrays.toString(
        Arrays.copyOf(block, Math.min(block.length, 12))), size).isNotNull();
    assertThat(inChunk.kind()).isEqualTo(ErrorKind.DATA);
  }

  /** 0 random, 1 little-endian longs of small numbers, 2 text, 3 runs of one byte, 4 period 3. */
  private static byte[] data(int kind, int size, Random random) {
    byte[] data = new byte[size];
    switch (kind) {
      case 0 -> random.nextBytes(data);
      case 1 -> {
        for (int i = 0; i + 8 <= size; i += 8) {
          long value = 90_000 + random.nextInt(10_000_000);
          for (int b = 0; b < 8; b++) {
            data[i + b] = (byte) (value >>> (8 * b));
          }
        }
      }
      case 2 -> {
        String[] words = {"quiver ", "reads ", "parquet ", "pages ", "fast, ", "carefully. "};
        int at = 0;
        while (at < size) {
          byte[] word = words[random.nextInt(words.length)].getBytes(StandardCharsets.US_ASCII);
          int n = Math.min(word.length, size - at);
          System.arraycopy(word, 0, data, at, n);
          at += n;
        }
      }
      case 3 -> {
        int at = 0;
        while (at < size) {
          int run = Math.min(size - at, 1 + random.nextInt(200));
          Arrays.fill(data, at, at + run, (byte) random.nextInt(4));
          at += run;
        }
      }
      default -> {
        for (int i = 0; i < size; i++) {
          data[i] = (byte) (i % 3);
        }
      }
    }
    return data;
  }

  private static byte[] compress(byte[] data) {
    SnappyCompressor compressor = new SnappyCompressor();
    byte[] block = new byte[compressor.maxCompressedLength(data.length)];
    int length = compressor.compress(data, 0, data.length, block, 0, block.length);
    return Arrays.copyOf(block, length);
  }

  /**
   * Decodes a block twice: alone in an exact array with an output of minimal slack (the careful
   * loop decodes the whole block), and inside a column chunk with bytes around it and a larger
   * reused output buffer (the fast loop decodes all but the end); both must agree.
   */
  private static byte[] roundTrip(byte[] data) {
    byte[] block = compress(data);
    byte[] out = new byte[data.length + SnappyDecoder.SLACK];
    int produced = SnappyDecoder.decode(block, 0, block.length, out, data.length);
    assertThat(produced).isEqualTo(data.length);
    byte[] chunk = embedded(block);
    byte[] large = new byte[data.length + 4096];
    Arrays.fill(large, (byte) 0x5A);
    SnappyDecoder.decode(chunk, EMBED_OFFSET, block.length, large, data.length);
    assertThat(Arrays.copyOf(large, data.length)).as("embedded in a chunk")
        .isEqualTo(Arrays.copyOf(out, data.length));
    return Arrays.copyOf(out, data.length);
  }

  private static final int EMBED_OFFSET = 37;

  /** The block at {@link #EMBED_OFFSET} of a larger array, with 100 tag-like bytes after it. */
  private static byte[] embedded(byte[] block) {
    byte[] chunk = new byte[EMBED_OFFSET + block.length + 100];
    Arrays.fill(chunk, (byte) 0b1111_0101);
    System.arraycopy(block, 0, chunk, EMBED_OFFSET, block.length);
    return chunk;
  }
}
