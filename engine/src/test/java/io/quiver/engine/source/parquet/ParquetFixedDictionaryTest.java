package io.quiver.engine.source.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.exec.AllocatorTestBase;
import io.quiver.udf.function.ScanRequest;
import io.quiver.udf.function.TableScan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Type;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A dictionary-encoded FIXED_LEN_BYTE_ARRAY column without a logical type (read as BINARY),
 * written by hand: its fixed-width dictionary entries have no offsets, so its values must not
 * take the variable-width dictionary path.
 */
class ParquetFixedDictionaryTest extends AllocatorTestBase {
  private static final int WIDTH = 4;
  private static final int ROWS = 300;

  @TempDir
  Path directory;

  @ParameterizedTest
  @ValueSource(ints = {2, 100})
  void fixedLengthEntriesAreReadAsTheirBytes(int entries) throws IOException {
    Path file = write(directory.resolve("flba_" + entries + ".parquet"), entries);
    ParquetFormat format = new ParquetFormat();
    Schema schema = format.schema(file, null);
    List<String> values = new ArrayList<>();
    try (TableScan scan = format.scan(file, schema, ScanRequest.of(new int[] {0}, ROWS), null,
        allocator)) {
      VectorSchemaRoot batch;
      while ((batch = scan.next()) != null) {
        try (VectorSchemaRoot owned = batch) {
          VarBinaryVector vector = (VarBinaryVector) owned.getVector(0);
          for (int row = 0; row < owned.getRowCount(); row++) {
            values.add(new String(vector.get(row), StandardCharsets.US_ASCII));
          }
        }
      }
    }
    List<String> expected = new ArrayList<>();
    for (int row = 0; row < ROWS; row++) {
      expected.add(entry(row * 7 % entries));
    }
    assertThat(values).isEqualTo(expected);
  }

  /** Entry i: four ASCII digits. */
  private static String entry(int index) {
    return String.format("%04d", index);
  }

  private static Path write(Path file, int entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] magic = "PAR1".getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(magic);
    long dictionaryOffset = out.size();
    ByteArrayOutputStream dictionary = new ByteArrayOutputStream();
    for (int i = 0; i < entries; i++) {
      dictionary.writeBytes(entry(i).getBytes(StandardCharsets.US_ASCII));
    }
    PageHeader dictionaryHeader = new PageHeader(PageType.DICTIONARY_PAGE, dictionary.size(),
        dictionary.size());
    dictionaryHeader.setDictionary_page_header(new DictionaryPageHeader(entries,
        Encoding.PLAIN));
    Util.writePageHeader(dictionaryHeader, out);
    out.writeBytes(dictionary.toByteArray());
    long dataOffset = out.size();
    int bitWidth = 32 - Integer.numberOfLeadingZeros(entries - 1);
    long[] indices = new long[(ROWS + 7) / 8 * 8];
    for (int row = 0; row < ROWS; row++) {
      indices[row] = row * 7 % entries;
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(bitWidth);
    ParquetTestEncodings.bitPackedRun(body, indices, bitWidth);
    PageHeader dataHeader = new PageHeader(PageType.DATA_PAGE, body.size(), body.size());
    dataHeader.setData_page_header(new DataPageHeader(ROWS, Encoding.RLE_DICTIONARY,
        Encoding.RLE, Encoding.RLE));
    Util.writePageHeader(dataHeader, out);
    out.writeBytes(body.toByteArray());
    long size = out.size() - dictionaryOffset;
    ColumnMetaData metadata = new ColumnMetaData(Type.FIXED_LEN_BYTE_ARRAY,
        List.of(Encoding.PLAIN, Encoding.RLE_DICTIONARY), List.of("f"),
        CompressionCodec.UNCOMPRESSED, ROWS, size, size, dataOffset);
    metadata.setDictionary_page_offset(dictionaryOffset);
    ColumnChunk column = new ColumnChunk(dictionaryOffset);
    column.setMeta_data(metadata);
    SchemaElement leaf = new SchemaElement("f");
    leaf.setType(Type.FIXED_LEN_BYTE_ARRAY);
    leaf.setType_length(WIDTH);
    leaf.setRepetition_type(FieldRepetitionType.REQUIRED);
    FileMetaData footer = new FileMetaData(1, List.of(ParquetTestFiles.root(1), leaf), ROWS,
        List.of(new RowGroup(List.of(column), size, ROWS)));
    ByteArrayOutputStream footerBytes = new ByteArrayOutputStream();
    Util.writeFileMetaData(footer, footerBytes);
    out.writeBytes(footerBytes.toByteArray());
    int length = footerBytes.size();
    for (int i = 0; i < 4; i++) {
      out.write((length >>> (8 * i)) & 0xFF);
    }
    out.writeBytes(magic);
    Files.write(file, out.toByteArray());
    return file;
  }
}
