package io.quiver.engine.source.parquet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Type;
import org.apache.parquet.format.Util;

/**
 * Builds small Parquet files by hand, straight from the format spec: a schema, one row group,
 * INT32 leaves whose uncompressed PLAIN pages (v1 or v2) carry the repetition and definition
 * levels given as int arrays (or raw level bytes, to cut a stream short).
 */
final class ParquetTestFiles {
  private ParquetTestFiles() {}

  /**
   * One data page of an INT32 leaf: levels, the present values, and optionally raw repetition
   * level bytes that replace the encoded {@code repetition}.
   */
  record Page(int[] repetition, int[] definition, int[] values, boolean v2,
      byte[] rawRepetition) {
    Page(int[] repetition, int[] definition, int[] values, boolean v2) {
      this(repetition, definition, values, v2, null);
    }
  }

  /** A leaf's column chunk: its pages and the bit widths of its levels. */
  record Chunk(String path, int repetitionBits, int definitionBits, List<Page> pages) {}

  static SchemaElement group(String name, FieldRepetitionType repetition,
      ConvertedType converted, int children) {
    SchemaElement element = new SchemaElement(name);
    if (repetition != null) {
      element.setRepetition_type(repetition);
    }
    element.setNum_children(children);
    if (converted != null) {
      element.setConverted_type(converted);
    }
    return element;
  }

  static SchemaElement int32(String name, FieldRepetitionType repetition) {
    SchemaElement element = new SchemaElement(name);
    element.setType(Type.INT32);
    element.setRepetition_type(repetition);
    return element;
  }

  static SchemaElement root(int children) {
    return group("schema", null, null, children);
  }

  /** The RLE/bit-packed hybrid encoding of {@code levels} as bit-packed runs. */
  static byte[] hybrid(int[] levels, int bitWidth) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (levels.length == 0) {
      return out.toByteArray();
    }
    long[] padded = new long[(levels.length + 7) / 8 * 8];
    for (int i = 0; i < levels.length; i++) {
      padded[i] = levels[i];
    }
    ParquetTestEncodings.bitPackedRun(out, padded, bitWidth);
    return out.toByteArray();
  }

  private static void intLe(ByteArrayOutputStream out, int value) {
    for (int i = 0; i < 4; i++) {
      out.write((value >>> (8 * i)) & 0xFF);
    }
  }

  private static byte[] page(Page page, Chunk chunk) throws IOException {
    byte[] repetition = page.rawRepetition() != null ? page.rawRepetition()
        : chunk.repetitionBits() > 0 ? hybrid(page.repetition(), chunk.repetitionBits())
        : new byte[0];
    byte[] definition = chunk.definitionBits() > 0
        ? hybrid(page.definition(), chunk.definitionBits()) : new byte[0];
    ByteArrayOutputStream values = new ByteArrayOutputStream();
    for (int value : page.values()) {
      intLe(values, value);
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int count = page.definition().length;
    PageHeader header;
    if (page.v2()) {
      body.writeBytes(repetition);
      body.writeBytes(definition);
      body.writeBytes(values.toByteArray());
      int rows = 0;
      for (int level : page.repetition()) {
        rows += level == 0 ? 1 : 0;
      }
      DataPageHeaderV2 v2 = new DataPageHeaderV2(count, count - page.values().length, rows,
          Encoding.PLAIN, definition.length, repetition.length);
      v2.setIs_compressed(false);
      header = new PageHeader(PageType.DATA_PAGE_V2, body.size(), body.size());
      header.setData_page_header_v2(v2);
    } else {
      if (chunk.repetitionBits() > 0) {
        intLe(body, repetition.length);
        body.writeBytes(repetition);
      }
      if (chunk.definitionBits() > 0) {
        intLe(body, definition.length);
        body.writeBytes(definition);
      }
      body.writeBytes(values.toByteArray());
      header = new PageHeader(PageType.DATA_PAGE, body.size(), body.size());
      header.setData_page_header(new DataPageHeader(count, Encoding.PLAIN, Encoding.RLE,
          Encoding.RLE));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Util.writePageHeader(header, out);
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  /** Writes a file of one row group of {@code rows} rows with the given leaf chunks. */
  static Path write(Path file, List<SchemaElement> schema, long rows, List<Chunk> chunks)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] magic = "PAR1".getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(magic);
    List<ColumnChunk> columns = new ArrayList<>();
    long total = 0;
    for (Chunk chunk : chunks) {
      long offset = out.size();
      long values = 0;
      for (Page page : chunk.pages()) {
        out.writeBytes(page(page, chunk));
        values += page.definition().length;
      }
      long size = out.size() - offset;
      total += size;
      ColumnMetaData metadata = new ColumnMetaData(Type.INT32, List.of(Encoding.PLAIN,
          Encoding.RLE), List.of(chunk.path().split("\\.")), CompressionCodec.UNCOMPRESSED,
          values, size, size, offset);
      ColumnChunk column = new ColumnChunk(offset);
      column.setMeta_data(metadata);
      columns.add(column);
    }
    RowGroup group = new RowGroup(columns, total, rows);
    FileMetaData metadata = new FileMetaData(1, schema, rows, List.of(group));
    ByteArrayOutputStream footer = new ByteArrayOutputStream();
    Util.writeFileMetaData(metadata, footer);
    out.writeBytes(footer.toByteArray());
    intLe(out, footer.size());
    out.writeBytes(magic);
    Files.write(file, out.toByteArray());
    return file;
  }
}
