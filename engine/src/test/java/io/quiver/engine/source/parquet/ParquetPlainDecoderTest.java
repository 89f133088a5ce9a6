package io.quiver.engine.source.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** PLAIN fixed width, PLAIN BOOLEAN, PLAIN BYTE_ARRAY and RLE BOOLEAN. */
class ParquetPlainDecoderTest {

  @Test
  void fixedWidthIsABulkCopyAcrossReads() {
    byte[] data = {1, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 7, 0, 0, 0};
    PlainFixedWidthDecoder decoder = new PlainFixedWidthDecoder(data, 0, data.length, 4);
    PhysicalValues out = new PhysicalValues(4);
    decoder.read(1, out);
    decoder.read(2, out);
    assertThat(new int[] {out.getInt(0), out.getInt(1), out.getInt(2)})
        .containsExactly(1, -1, 7);
    QuiverException error = catchThrowableOfType(QuiverException.class,
        () -> decoder.read(1, out));
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
  }

  @Test
  void booleansAreBitsLeastSignificantFirst() {
    byte[] data = {(byte) 0b0000_0101, 0b1};
    PlainBooleanDecoder decoder = new PlainBooleanDecoder(data, 0, data.length);
    PhysicalValues out = new PhysicalValues(1);
    decoder.read(3, out);
    decoder.read(6, out);
    assertThat(java.util.Arrays.copyOf(out.bytes(), 9))
        .containsExactly(1, 0, 1, 0, 0, 0, 0, 0, 1);
    assertThat(catchThrowableOfType(QuiverException.class, () -> decoder.read(8, out)).kind())
        .isEqualTo(ErrorKind.DATA);
  }

  @Test
  void byteArraysHaveALengthPrefix() {
    byte[] data = {2, 0, 0, 0, 'h', 'i', 0, 0, 0, 0, 3, 0, 0, 0, 'a', 'b', 'c'};
    PlainByteArrayDecoder decoder = new PlainByteArrayDecoder(data, 0, data.length);
    PhysicalValues out = new PhysicalValues(-1);
    decoder.read(3, out);
    assertThat(text(out, 0)).isEqualTo("hi");
    assertThat(text(out, 1)).isEmpty();
    assertThat(text(out, 2)).isEqualTo("abc");
  }

  @Test
  void aByteArrayLengthPastTheEndIsADataError() {
    byte[] data = {9, 0, 0, 0, 'h', 'i'};
    QuiverException error = catchThrowableOfType(QuiverException.class,
        () -> new PlainByteArrayDecoder(data, 0, data.length).read(1, new PhysicalValues(-1)));
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    byte[] negative = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
    assertThat(catchThrowableOfType(QuiverException.class,
        () -> new PlainByteArrayDecoder(negative, 0, 4).read(1, new PhysicalValues(-1))).kind())
        .isEqualTo(ErrorKind.DATA);
  }

  @Test
  void rleBooleansHaveALengthPrefixAndWidthOne() {
    // length 4; RLE run of 3 trues; bit-packed group 0,1,0,0,0,0,0,0
    byte[] data = {4, 0, 0, 0, 0x06, 0x01, 0x03, 0b10};
    RleBooleanDecoder decoder = new RleBooleanDecoder(data, 0, data.length);
    PhysicalValues out = new PhysicalValues(1);
    decoder.read(5, out);
    assertThat(java.util.Arrays.copyOf(out.bytes(), 5)).containsExactly(1, 1, 1, 0, 1);
  }

  static String text(PhysicalValues values, int index) {
    int from = values.offsets()[index];
    return new String(values.bytes(), from, values.offsets()[index + 1] - from,
        StandardCharsets.UTF_8);
  }
}
