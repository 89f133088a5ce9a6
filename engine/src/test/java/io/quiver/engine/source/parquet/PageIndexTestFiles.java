package io.quiver.engine.source.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.udf.function.ColumnPredicate;
import io.quiver.udf.function.ScanRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.format.BoundaryOrder;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnIndex;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.ColumnOrder;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.OffsetIndex;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageLocation;
import org.apache.parquet.format.TypeDefinedOrder;
import org.apache.parquet.format.Util;

/**
 * Files with a page index for the page-skipping tests: footers rewritten in a copy of a file
 * (fields changed, structures appended before the new footer), a page index written for a
 * file of PLAIN INT32 pages, and a hand-built file whose three columns have pages of 10, 7
 * and 33 rows (v1 and v2, nulls, a page of nulls). Also the scan the tests run, with its
 * skip counters.
 */
final class PageIndexTestFiles {
  /** Rows of {@link #handBuilt}. */
  static final int HAND_ROWS = 100;
  /** Column a of {@link #handBuilt}: the row index (unique), pages of 10 rows. */
  static final LongFunction<Integer> A = row -> (int) row;
  /** Column b: twice the row, null on every fifth row and on rows 84..90 (a whole page). */
  static final LongFunction<Integer> B = row -> row % 5 == 0 || row >= 84 && row < 91 ? null
      : (int) row * 2;
  /** Column c: minus the row, pages of 33 rows. */
  static final LongFunction<Integer> C = row -> (int) -row;

  private PageIndexTestFiles() {}

  /** What one scan returned (rows of flattened values) and left out. */
  record Scan(List<List<Object>> rows, long pagesSkipped, long rowsSkipped) {}

  static Scan scan(BufferAllocator allocator, Path file, int[] projection,
      List<ColumnPredicate> predicates, boolean pruning, int batchSize, long limit) {
    Schema schema = new ParquetFormat().schema(file, null);
    ScanRequest request = new ScanRequest(projection, predicates, limit, batchSize);
    List<List<Object>> rows = new ArrayList<>();
    try (ParquetTableScan scan = new ParquetTableScan(file, schema, request, pruning, batchSize,
        allocator)) {
      VectorSchemaRoot batch;
      while ((batch = scan.next()) != null) {
        try (VectorSchemaRoot owned = batch) {
          assertThat(owned.getRowCount()).isPositive().isLessThanOrEqualTo(batchSize);
          for (int r = 0; r < owned.getRowCount(); r++) {
            List<Object> row = new ArrayList<>();
            for (FieldVector vector : owned.getFieldVectors()) {
              ParquetConformanceTest.flattenValues(vector, r, row);
            }
            rows.add(row);
          }
        }
      }
      return new Scan(rows, scan.pagesSkipped(), scan.rowsSkipped());
    }
  }

  static int[] allColumns(int count) {
    int[] projection = new int[count];
    for (int i = 0; i < count; i++) {
      projection[i] = i;
    }
    return projection;
  }

  static long footerStart(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int length = ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN)
        .getInt();
    return bytes.length - 8 - length;
  }

  static FileMetaData footer(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    long start = footerStart(file);
    return Util.readFileMetaData(new ByteArrayInputStream(bytes, (int) start,
        (int) (bytes.length - 8 - start)));
  }

  /** The offset index of column {@code column} of the file's first row group. */
  static OffsetIndex offsetIndex(Path file, int column) throws IOException {
    ColumnChunk chunk = footer(file).getRow_groups().get(0).getColumns().get(column);
    byte[] bytes = Files.readAllBytes(file);
    return Util.readOffsetIndex(new ByteArrayInputStream(bytes,
        (int) chunk.getOffset_index_offset(), chunk.getOffset_index_length()));
  }

  /** The column index of column {@code column} of the file's first row group. */
  static ColumnIndex columnIndex(Path file, int column) throws IOException {
    ColumnChunk chunk = footer(file).getRow_groups().get(0).getColumns().get(column);
    byte[] bytes = Files.readAllBytes(file);
    return Util.readColumnIndex(new ByteArrayInputStream(bytes,
        (int) chunk.getColumn_index_offset(), chunk.getColumn_index_length()));
  }

  static byte[] serialized(OffsetIndex index) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Util.writeOffsetIndex(index, out);
    return out.toByteArray();
  }

  static byte[] serialized(ColumnIndex index) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Util.writeColumnIndex(index, out);
    return out.toByteArray();
  }

  /**
   * Writes to {@code target} a copy of {@code source} whose footer {@code edit} changed, with
   * {@code appended} (which starts at {@code footerStart(source)}) before the new footer.
   */
  static Path withFooter(Path source, Path target, Consumer<FileMetaData> edit,
      byte[] appended) throws IOException {
    byte[] bytes = Files.readAllBytes(source);
    int footerStart = (int) footerStart(source);
    FileMetaData metadata = footer(source);
    edit.accept(metadata);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(bytes, 0, footerStart);
    out.write(appended);
    ByteArrayOutputStream footer = new ByteArrayOutputStream();
    Util.writeFileMetaData(metadata, footer);
    out.write(footer.toByteArray());
    out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(footer.size())
        .array());
    out.write("PAR1".getBytes(StandardCharsets.US_ASCII));
    Files.write(target, out.toByteArray());
    return target;
  }

  /**
   * Writes to {@code target} a copy of {@code source} (one row group of INT32 leaves) with a
   * page index for every chunk and TYPE_ORDER column orders: page locations found by walking
   * the page headers, bounds and null counts from {@code values} (by column: row to value, or
   * null).
   */
  static Path withPageIndex(Path source, Path target, List<LongFunction<Integer>> values)
      throws IOException {
    byte[] bytes = Files.readAllBytes(source);
    long appendAt = footerStart(source);
    FileMetaData metadata = footer(source);
    long rows = metadata.getRow_groups().get(0).getNum_rows();
    ByteArrayOutputStream appended = new ByteArrayOutputStream();
    List<long[]> positions = new ArrayList<>();
    List<ColumnChunk> chunks = metadata.getRow_groups().get(0).getColumns();
    for (int c = 0; c < chunks.size(); c++) {
      ColumnMetaData chunk = chunks.get(c).getMeta_data();
      List<PageLocation> locations = new ArrayList<>();
      List<Boolean> nullPages = new ArrayList<>();
      List<ByteBuffer> minimums = new ArrayList<>();
      List<ByteBuffer> maximums = new ArrayList<>();
      List<Long> nullCounts = new ArrayList<>();
      long at = chunk.getData_page_offset();
      long end = at + chunk.getTotal_compressed_size();
      long firstRow = 0;
      while (at < end) {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes, (int) at, (int) (end - at));
        int before = in.available();
        PageHeader header = Util.readPageHeader(in);
        int size = before - in.available() + header.getCompressed_page_size();
        int count = header.isSetData_page_header() ? header.getData_page_header().getNum_values()
            : header.getData_page_header_v2().getNum_values();
        locations.add(new PageLocation(at, size, firstRow));
        long nulls = 0;
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (long row = firstRow; row < firstRow + count; row++) {
          Integer value = values.get(c).apply(row);
          if (value == null) {
            nulls++;
          } else {
            min = Math.min(min, value);
            max = Math.max(max, value);
          }
        }
        boolean allNull = nulls == count;
        nullPages.add(allNull);
        minimums.add(ByteBuffer.wrap(allNull ? new byte[0] : int32(min)));
        maximums.add(ByteBuffer.wrap(allNull ? new byte[0] : int32(max)));
        nullCounts.add(nulls);
        firstRow += count;
        at += size;
      }
      assertThat(firstRow).isEqualTo(rows);
      long offsetAt = appendAt + appended.size();
      appended.writeBytes(serialized(new OffsetIndex(locations)));
      long columnAt = appendAt + appended.size();
      ColumnIndex bounds = new ColumnIndex(nullPages, minimums, maximums,
          BoundaryOrder.UNORDERED);
      bounds.setNull_counts(nullCounts);
      appended.writeBytes(serialized(bounds));
      positions.add(new long[] {offsetAt, columnAt - offsetAt, columnAt,
          appendAt + appended.size() - columnAt});
    }
    return withFooter(source, target, edited -> {
      List<ColumnChunk> columns = edited.getRow_groups().get(0).getColumns();
      List<ColumnOrder> orders = new ArrayList<>();
      for (int c = 0; c < columns.size(); c++) {
        long[] position = positions.get(c);
        columns.get(c).setOffset_index_offset(position[0]);
        columns.get(c).setOffset_index_length((int) position[1]);
        columns.get(c).setColumn_index_offset(position[2]);
        columns.get(c).setColumn_index_length((int) position[3]);
        orders.add(ColumnOrder.TYPE_ORDER(new TypeDefinedOrder()));
      }
      edited.setColumn_orders(orders);
    }, appended.toByteArray());
  }

  private static byte[] int32(int value) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
  }

  /**
   * The hand-built file in {@code directory}: {@link #HAND_ROWS} rows of a (REQUIRED, pages of
   * 10 rows), b (OPTIONAL, pages of 7 rows) and c (REQUIRED, pages of 33 rows), every second
   * page of a column v2, with a page index.
   */
  static Path handBuilt(Path directory) throws IOException {
    Path plain = ParquetTestFiles.write(directory.resolve("hand.parquet"), List.of(
        ParquetTestFiles.root(3),
        ParquetTestFiles.int32("a", FieldRepetitionType.REQUIRED),
        ParquetTestFiles.int32("b", FieldRepetitionType.OPTIONAL),
        ParquetTestFiles.int32("c", FieldRepetitionType.REQUIRED)),
        HAND_ROWS, List.of(chunk("a", 10, false, A), chunk("b", 7, true, B),
            chunk("c", 33, false, C)));
    return withPageIndex(plain, directory.resolve("hand_indexed.parquet"), List.of(A, B, C));
  }

  private static ParquetTestFiles.Chunk chunk(String name, int pageRows, boolean optional,
      LongFunction<Integer> value) {
    List<ParquetTestFiles.Page> pages = new ArrayList<>();
    for (int first = 0; first < HAND_ROWS; first += pageRows) {
      pages.add(page(first, Math.min(pageRows, HAND_ROWS - first), optional,
          pages.size() % 2 == 1, value));
    }
    return new ParquetTestFiles.Chunk(name, 0, optional ? 1 : 0, pages);
  }

  /** A page of {@code rows} rows from row {@code first}: value(row), null when absent. */
  private static ParquetTestFiles.Page page(long first, int rows, boolean optional, boolean v2,
      LongFunction<Integer> value) {
    int[] definition = new int[rows];
    int[] present = new int[rows];
    int count = 0;
    for (int r = 0; r < rows; r++) {
      Integer v = value.apply(first + r);
      definition[r] = optional && v != null ? 1 : 0;
      if (v != null) {
        present[count++] = v;
      }
    }
    return new ParquetTestFiles.Page(new int[rows], definition, Arrays.copyOf(present, count),
        v2);
  }
}
