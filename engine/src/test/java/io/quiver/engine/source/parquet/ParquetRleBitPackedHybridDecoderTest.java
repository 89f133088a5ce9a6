package io.quiver.engine.source.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParquetRleBitPackedHybridDecoderTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 5, 7, 8, 9, 13, 16, 17, 24, 31, 32})
  void decodesBitPackedAndRleRunsAcrossReadBoundaries(int bitWidth) {
    long mask = bitWidth == 0 ? 0 : bitWidth == 32 ? 0xFFFFFFFFL : (1L << bitWidth) - 1;
    long[] packed = new long[24];
    for (int i = 0; i < packed.length; i++) {
      packed[i] = (0x9E3779B97F4A7C15L * (i + 1)) & mask;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ParquetTestEncodings.bitPackedRun(out, packed, bitWidth);
    int rleValue = (int) (mask & 0x5A5A5A5AL);
    ParquetTestEncodings.rleRun(out, 10, rleValue, bitWidth);
    ParquetTestEncodings.bitPackedRun(out, new long[8], bitWidth);
    byte[] data = out.toByteArray();
    RleBitPackedHybridDecoder decoder = new RleBitPackedHybridDecoder(data, 0, data.length,
        bitWidth);
    int[] values = new int[42];
    for (int at = 0; at < 42; at += 5) {
      decoder.read(values, at, Math.min(5, 42 - at));
    }
    for (int i = 0; i < 24; i++) {
      assertThat(values[i]).as("value %d", i).isEqualTo((int) packed[i]);
    }
    for (int i = 24; i < 34; i++) {
      assertThat(values[i]).isEqualTo(rleValue);
    }
    for (int i = 34; i < 42; i++) {
      assertThat(values[i]).isZero();
    }
  }

  /**
   * Long runs (the group-of-8 fast path) mixed with RLE runs, read in chunks of random sizes
   * (so reads start and stop inside groups), with and without bytes after the data.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 7, 8, 9, 12, 15, 16, 20, 31, 32})
  void longRunsReadInRandomChunksGiveEveryValue(int bitWidth) {
    long mask = bitWidth == 32 ? 0xFFFFFFFFL : (1L << bitWidth) - 1;
    java.util.Random random = new java.util.Random(bitWidth);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    java.util.List<Integer> expected = new java.util.ArrayList<>();
    for (int run = 0; run < 12; run++) {
      if (run % 3 == 2) {
        int value = (int) (random.nextLong() & mask);
        int count = 1 + random.nextInt(50);
        ParquetTestEncodings.rleRun(out, count, value, bitWidth);
        for (int i = 0; i < count; i++) {
          expected.add(value);
        }
      } else {
        long[] packed = new long[8 * (1 + random.nextInt(40))];
        for (int i = 0; i < packed.length; i++) {
          packed[i] = random.nextLong() & mask;
          expected.add((int) packed[i]);
        }
        ParquetTestEncodings.bitPackedRun(out, packed, bitWidth);
      }
    }
    byte[] exact = out.toByteArray();
    byte[] padded = java.util.Arrays.copyOf(exact, exact.length + 40);
    java.util.Arrays.fill(padded, exact.length, padded.length, (byte) 0xFF);
    for (byte[] data : new byte[][] {exact, padded}) {
      RleBitPackedHybridDecoder decoder = new RleBitPackedHybridDecoder(data, 0, exact.length,
          bitWidth);
      int[] values = new int[expected.size()];
      for (int at = 0; at < values.length; ) {
        int n = Math.min(values.length - at, random.nextInt(4) == 0 ? 1 : random.nextInt(70));
        if (n == 1 && random.nextBoolean()) {
          values[at] = decoder.next();
        } else {
          decoder.read(values, at, n);
        }
        at += n;
      }
      for (int i = 0; i < values.length; i++) {
        assertThat(values[i]).as("value %d of %d", i, values.length)
            .isEqualTo(expected.get(i));
      }
    }
  }

  @Test
  void handBuiltLevelsFromTheSpec() {
    // RLE run of 3 ones, then a bit-packed group of 8 values at width 1: 1,0,1,1,0,0,0,1.
    byte[] data = {0x06, 0x01, 0x03, (byte) 0b1000_1101};
    RleBitPackedHybridDecoder decoder = new RleBitPackedHybridDecoder(data, 0, data.length, 1);
    int[] values = new int[11];
    decoder.read(values, 0, 11);
    assertThat(values).containsExactly(1, 1, 1, 1, 0, 1, 1, 0, 0, 0, 1);
  }

  @Test
  void nextReadsOneValueAtATime() {
    byte[] data = {0x04, 0x07, 0x03, (byte) 0b1000_1101};
    RleBitPackedHybridDecoder decoder = new RleBitPackedHybridDecoder(data, 0, data.length, 3);
    assertThat(decoder.next()).isEqualTo(7);
    assertThat(decoder.next()).isEqualTo(7);
    assertThat(decoder.next()).isEqualTo(0b101);
  }

  @Test
  void readingPastTheDataIsADataError() {
    byte[] data = {0x04, 0x01};
    RleBitPackedHybridDecoder decoder = new RleBitPackedHybridDecoder(data, 0, data.length, 1);
    QuiverException error = catchThrowableOfType(QuiverException.class,
        () -> decoder.read(new int[3], 0, 3));
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.getMessage()).contains("RLE/bit-packed data ends");
  }

  @Test
  void badRunsAreDataErrors() {
    // An RLE value wider than the bit width.
    assertDataError(new byte[] {0x02, (byte) 0xFF}, 2, "does not fit");
    // A header longer than five bytes.
    assertDataError(new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80,
        (byte) 0x80, 0x01}, 1, "longer than 5 bytes");
    // A bit-packed run whose bits are cut off.
    assertDataError(new byte[] {0x03, 0x01}, 8, "bit-packed run needs bits");
    // A cut-off RLE value.
    assertDataError(new byte[] {0x02, 0x01}, 16, "cut off");
  }

  private static void assertDataError(byte[] data, int bitWidth, String message) {
    RleBitPackedHybridDecoder decoder = new RleBitPackedHybridDecoder(data, 0, data.length,
        bitWidth);
    QuiverException error = catchThrowableOfType(QuiverException.class,
        () -> decoder.read(new int[4], 0, 4));
    assertThat(error).isNotNull();
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.getMessage()).contains(message);
  }

  @Test
  void bitWidthAbove32IsADataError() {
    QuiverException error = catchThrowableOfType(QuiverException.class,
        () -> new RleBitPackedHybridDecoder(new byte[1], 0, 1, 33));
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
  }
}
