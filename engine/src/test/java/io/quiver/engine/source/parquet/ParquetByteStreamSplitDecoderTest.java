package io.quiver.engine.source.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import org.junit.jupiter.api.Test;

/** BYTE_STREAM_SPLIT and half-precision floats. */
class ParquetByteStreamSplitDecoderTest {

  @Test
  void reassemblesValuesFromTheirByteStreams() {
    // Two INT32 values 0x04030201 and 0x08070605 split into four streams.
    byte[] data = {1, 5, 2, 6, 3, 7, 4, 8};
    ByteStreamSplitDecoder decoder = new ByteStreamSplitDecoder(data, 0, data.length, 4);
    PhysicalValues out = new PhysicalValues(4);
    decoder.read(1, out);
    decoder.read(1, out);
    assertThat(out.getInt(0)).isEqualTo(0x04030201);
    assertThat(out.getInt(1)).isEqualTo(0x08070605);
    assertThat(catchThrowableOfType(QuiverException.class, () -> decoder.read(1, out)).kind())
        .isEqualTo(ErrorKind.DATA);
  }

  @Test
  void aPageThatIsNotWholeValuesIsADataError() {
    QuiverException error = catchThrowableOfType(QuiverException.class,
        () -> new ByteStreamSplitDecoder(new byte[7], 0, 7, 4));
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
  }

  @Test
  void halfPrecisionWidensExactly() {
    assertThat(Float16.toFloat(0x3C00)).isEqualTo(1.0f);
    assertThat(Float16.toFloat(0xC000)).isEqualTo(-2.0f);
    assertThat(Float16.toFloat(0x7BFF)).isEqualTo(65504.0f);
    assertThat(Float16.toFloat(0x0001)).isEqualTo(5.9604645e-8f);
    assertThat(Float16.toFloat(0x8000)).isEqualTo(-0.0f);
    assertThat(Float16.toFloat(0x7C00)).isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(Float16.toFloat(0x7E00)).isNaN();
  }
}
