package io.quiver.engine.source.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ParquetDictionaryDecoderTest {

  private static PhysicalValues dictionary(String... entries) {
    PhysicalValues values = new PhysicalValues(-1);
    for (String entry : entries) {
      byte[] bytes = entry.getBytes(StandardCharsets.UTF_8);
      values.appendVariable(bytes, 0, bytes.length);
    }
    return values;
  }

  @Test
  void indicesSelectDictionaryEntries() {
    // bit width 2; bit-packed group of 8 indices: 2,0,1,1,0,0,0,0
    byte[] data = {2, 0x03, 0b0101_0010, 0};
    DictionaryDecoder decoder = new DictionaryDecoder(dictionary("a", "bb", "ccc"), data, 0,
        data.length);
    PhysicalValues out = new PhysicalValues(-1);
    decoder.read(4, out);
    assertThat(ParquetPlainDecoderTest.text(out, 0)).isEqualTo("ccc");
    assertThat(ParquetPlainDecoderTest.text(out, 1)).isEqualTo("a");
    assertThat(ParquetPlainDecoderTest.text(out, 2)).isEqualTo("bb");
    assertThat(ParquetPlainDecoderTest.text(out, 3)).isEqualTo("bb");
  }

  @Test
  void fixedWidthEntriesAreCopied() {
    PhysicalValues entries = new PhysicalValues(8);
    int at = entries.reserveFixed(2);
    PhysicalValues.LONG.set(entries.bytes(), at, 10L);
    PhysicalValues.LONG.set(entries.bytes(), at + 8, -20L);
    entries.commitFixed(2);
    byte[] data = {1, 0x06, 0x01}; // RLE run of three index 1
    PhysicalValues out = new PhysicalValues(8);
    new DictionaryDecoder(entries, data, 0, data.length).read(3, out);
    assertThat(ParquetDeltaBinaryPackedDecoderTest.longs(out)).containsExactly(-20, -20, -20);
  }

  @Test
  void anIndexOutOfRangeIsADataError() {
    byte[] data = {2, 0x02, 0x03}; // RLE run of index 3, dictionary of 2
    QuiverException error = catchThrowableOfType(QuiverException.class,
        () -> new DictionaryDecoder(dictionary("a", "b"), data, 0, data.length)
            .read(1, new PhysicalValues(-1)));
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.getMessage()).contains("dictionary index 3 is out of range");
  }

  @Test
  void noDictionaryPageIsADataError() {
    QuiverException error = catchThrowableOfType(QuiverException.class,
        () -> new DictionaryDecoder(null, new byte[] {1}, 0, 1));
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
  }
}
