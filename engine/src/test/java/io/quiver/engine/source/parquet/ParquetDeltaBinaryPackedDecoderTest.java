package io.quiver.engine.source.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParquetDeltaBinaryPackedDecoderTest {

  @Test
  void handBuiltSpecExampleWithZeroWidthMiniblocks() {
    // 1, 2, 3, 4, 5: block 128, 4 miniblocks, 5 values, first 1; min delta 1, widths 0.
    byte[] data = {(byte) 0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0, 0, 0, 0};
    DeltaBinaryPackedDecoder decoder = new DeltaBinaryPackedDecoder(data, 0, data.length, 8,
        100);
    PhysicalValues out = new PhysicalValues(8);
    decoder.read(5, out);
    assertThat(longs(out)).containsExactly(1, 2, 3, 4, 5);
    assertThat(decoder.endPosition()).isEqualTo(data.length);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 7, 8, 15, 31, 32, 33, 48, 56, 57, 63, 64})
  void decodesEveryMiniblockBitWidth(int bitWidth) {
    long[] values = new long[300];
    long step = bitWidth == 0 ? 0 : bitWidth == 64 ? Long.MIN_VALUE : 1L << (bitWidth - 1);
    for (int i = 1; i < values.length; i++) {
      values[i] = values[i - 1] + ((i % 2 == 0) ? step : 0) + 3;
    }
    byte[] data = ParquetTestEncodings.deltaBinaryPacked(values);
    DeltaBinaryPackedDecoder decoder = new DeltaBinaryPackedDecoder(data, 0, data.length, 8,
        values.length);
    PhysicalValues out = new PhysicalValues(8);
    decoder.read(100, out);
    decoder.read(200, out);
    assertThat(longs(out)).containsExactly(values);
  }

  @Test
  void int32OutputWrapsToTheLow32Bits() {
    long[] values = {Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 0, 12345};
    byte[] data = ParquetTestEncodings.deltaBinaryPacked(values);
    PhysicalValues out = new PhysicalValues(4);
    new DeltaBinaryPackedDecoder(data, 0, data.length, 4, 10).read(5, out);
    for (int i = 0; i < values.length; i++) {
      assertThat(out.getInt(i)).isEqualTo((int) values[i]);
    }
  }

  @Test
  void malformedHeadersAreDataErrors() {
    assertData(new byte[] {0x05, 0x04, 0x05, 0x02}, "block size");
    assertData(new byte[] {(byte) 0x80, 0x01, 0x04, (byte) 0xFF, (byte) 0xFF, 0x7F, 0x02},
        "values where at most");
    assertData(new byte[] {(byte) 0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 10, 0}, "cut off");
    assertData(new byte[] {(byte) 0x80}, "cut off");
  }

  private static void assertData(byte[] data, String message) {
    QuiverException error = catchThrowableOfType(QuiverException.class,
        () -> new DeltaBinaryPackedDecoder(data, 0, data.length, 8, 1000));
    assertThat(error).isNotNull();
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.getMessage()).contains(message);
  }

  static long[] longs(PhysicalValues values) {
    long[] out = new long[values.count()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.getLong(i);
    }
    return out;
  }
}
