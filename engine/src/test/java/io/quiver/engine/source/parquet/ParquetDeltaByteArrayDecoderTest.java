package io.quiver.engine.source.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY. */
class ParquetDeltaByteArrayDecoderTest {

  @Test
  void deltaLengthByteArray() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ParquetTestEncodings.deltaBinaryPacked(new long[] {5, 5, 0, 3}));
    out.writeBytes("HelloWorldabc".getBytes(StandardCharsets.UTF_8));
    byte[] data = out.toByteArray();
    DeltaLengthByteArrayDecoder decoder = new DeltaLengthByteArrayDecoder(data, 0, data.length,
        10);
    PhysicalValues values = new PhysicalValues(-1);
    decoder.read(1, values);
    decoder.read(3, values);
    assertThat(ParquetPlainDecoderTest.text(values, 0)).isEqualTo("Hello");
    assertThat(ParquetPlainDecoderTest.text(values, 1)).isEqualTo("World");
    assertThat(ParquetPlainDecoderTest.text(values, 2)).isEmpty();
    assertThat(ParquetPlainDecoderTest.text(values, 3)).isEqualTo("abc");
  }

  @Test
  void deltaByteArraySharesPrefixes() {
    // axis, axle, babble, babyhood (the spec's example)
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ParquetTestEncodings.deltaBinaryPacked(new long[] {0, 2, 0, 3}));
    out.writeBytes(ParquetTestEncodings.deltaBinaryPacked(new long[] {4, 2, 6, 5}));
    out.writeBytes("axislebabbleyhood".getBytes(StandardCharsets.UTF_8));
    byte[] data = out.toByteArray();
    PhysicalValues values = new PhysicalValues(-1);
    new DeltaByteArrayDecoder(data, 0, data.length, -1, 10).read(4, values);
    assertThat(ParquetPlainDecoderTest.text(values, 0)).isEqualTo("axis");
    assertThat(ParquetPlainDecoderTest.text(values, 1)).isEqualTo("axle");
    assertThat(ParquetPlainDecoderTest.text(values, 2)).isEqualTo("babble");
    assertThat(ParquetPlainDecoderTest.text(values, 3)).isEqualTo("babyhood");
  }

  @Test
  void aPrefixLongerThanThePreviousValueIsADataError() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ParquetTestEncodings.deltaBinaryPacked(new long[] {3}));
    out.writeBytes(ParquetTestEncodings.deltaBinaryPacked(new long[] {1}));
    out.writeBytes("x".getBytes(StandardCharsets.UTF_8));
    byte[] data = out.toByteArray();
    QuiverException error = catchThrowableOfType(QuiverException.class,
        () -> new DeltaByteArrayDecoder(data, 0, data.length, -1, 10)
            .read(1, new PhysicalValues(-1)));
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
  }

  @Test
  void fixedLengthValuesMustHaveTheirWidth() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ParquetTestEncodings.deltaBinaryPacked(new long[] {0, 1}));
    out.writeBytes(ParquetTestEncodings.deltaBinaryPacked(new long[] {2, 1}));
    out.writeBytes(new byte[] {1, 2, 3});
    byte[] data = out.toByteArray();
    PhysicalValues values = new PhysicalValues(2);
    new DeltaByteArrayDecoder(data, 0, data.length, 2, 10).read(2, values);
    assertThat(java.util.Arrays.copyOf(values.bytes(), 4)).containsExactly(1, 2, 1, 3);
  }
}
