package io.quiver.engine.source.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverSession;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ColumnPredicate;
import io.quiver.udf.function.ColumnPredicate.Operator;
import io.quiver.udf.function.ScanRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnIndex;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.OffsetIndex;
import org.apache.parquet.format.PageLocation;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Page skipping by the page index (column index + offset index) over the parquet-testing files
 * that have one: a scan that skips pages returns, once the filter is re-applied, exactly the
 * rows of a scan that reads everything, every returned row is a whole row of the file (the
 * columns' pages are not aligned, yet the rows are), the scan says how many pages and rows it
 * left out, and a page index that does not fit the file is a DATA error.
 */
class ParquetPageIndexTest {
  /** Columns of alltypes_tiny_pages*.parquet, by schema index. */
  private static final int ID = 0;
  private static final int TINYINT = 2;
  private static final int SMALLINT = 3;
  private static final int BIGINT = 5;
  private static final int FLOAT = 6;
  private static final int DOUBLE = 7;
  private static final int DATE_STRING = 8;
  private static final int STRING = 9;
  private static final int YEAR = 11;
  private static final int MONTH = 12;

  @TempDir
  Path directory;
  private RootAllocator allocator;
  private final ParquetFormat format = new ParquetFormat();
  private final Map<String, Scan> fullReads = new HashMap<>();

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void close() {
    assertThat(allocator.getAllocatedMemory()).isZero();
    allocator.close();
  }

  private static Path corpusFile(String name) {
    Path file = ParquetConformanceTest.dataDirectory().resolve(name);
    Assumptions.assumeTrue(Files.isRegularFile(file), "parquet-testing corpus not found at "
        + file.toAbsolutePath() + " (set -Dquiver.conformance.dir)");
    return file;
  }

  private static ColumnPredicate predicate(int column, Operator operator, Object... values) {
    return new ColumnPredicate(column, operator, List.of(values));
  }

  /** What one scan returned and left out. */
  private record Scan(List<List<Object>> rows, long pagesSkipped, long rowsSkipped) {}

  private Scan scan(Path file, int[] projection, List<ColumnPredicate> predicates,
      boolean pruning, int batchSize, long limit) {
    Schema schema = format.schema(file, null);
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

  private static int[] allColumns(int count) {
    int[] projection = new int[count];
    for (int i = 0; i < count; i++) {
      projection[i] = i;
    }
    return projection;
  }

  /** The rows (every column projected, in schema order) that satisfy every predicate. */
  private static List<List<Object>> filter(List<List<Object>> rows,
      List<ColumnPredicate> predicates) {
    List<List<Object>> kept = new ArrayList<>();
    for (List<Object> row : rows) {
      boolean keep = true;
      for (ColumnPredicate predicate : predicates) {
        keep &= satisfies(row.get(predicate.column()), predicate);
      }
      if (keep) {
        kept.add(row);
      }
    }
    return kept;
  }

  private static boolean satisfies(Object value, ColumnPredicate predicate) {
    switch (predicate.operator()) {
      case IS_NULL:
        return value == null;
      case IS_NOT_NULL:
        return value != null;
      case IN:
        for (Object constant : predicate.values()) {
          if (value != null && compare(value, constant) == 0) {
            return true;
          }
        }
        return false;
      default:
        break;
    }
    if (value == null) {
      return false;
    }
    int order = compare(value, predicate.value());
    switch (predicate.operator()) {
      case EQUAL: return order == 0;
      case NOT_EQUAL: return order != 0;
      case LESS_THAN: return order < 0;
      case LESS_THAN_OR_EQUAL: return order <= 0;
      case GREATER_THAN: return order > 0;
      default: return order >= 0;
    }
  }

  private static int compare(Object value, Object constant) {
    if (value instanceof String text) {
      return text.compareTo((String) constant);
    }
    BigDecimal left = value instanceof BigDecimal decimal ? decimal
        : new BigDecimal(((Number) value).doubleValue());
    BigDecimal right = constant instanceof Double number ? new BigDecimal(number)
        : BigDecimal.valueOf(((Number) constant).longValue());
    return left.compareTo(right);
  }

  /**
   * Checks one predicate set: filtered results with page skipping equal those without, every
   * returned row equals the file's row with the same id (so the columns stayed aligned), and
   * returns the skipping scan's counters.
   */
  private Scan checkSame(Path file, List<ColumnPredicate> predicates, int batchSize) {
    int columns = format.schema(file, null).getFields().size();
    // Without pruning the predicates are not used: one full read serves every shape.
    Scan full = fullReads.computeIfAbsent(file + "/" + batchSize,
        key -> scan(file, allColumns(columns), List.of(), false, batchSize, -1));
    Scan skipping = scan(file, allColumns(columns), predicates, true, batchSize, -1);
    assertThat(full.pagesSkipped()).isZero();
    assertThat(filter(skipping.rows(), predicates)).as("%s", predicates)
        .isEqualTo(filter(full.rows(), predicates));
    Map<Object, List<Object>> byId = new HashMap<>();
    for (List<Object> row : full.rows()) {
      byId.put(row.get(ID), row);
    }
    for (List<Object> row : skipping.rows()) {
      assertThat(row).as("%s: row of id %s", predicates, row.get(ID))
          .isEqualTo(byId.get(row.get(ID)));
    }
    // Rows are left out by the page index, or with their row group by the statistics.
    assertThat((long) skipping.rows().size() + skipping.rowsSkipped()).as("%s", predicates)
        .isLessThanOrEqualTo(full.rows().size());
    return skipping;
  }

  @ParameterizedTest
  @ValueSource(strings = {"alltypes_tiny_pages.parquet", "alltypes_tiny_pages_plain.parquet"})
  void skippingPagesReturnsTheRowsOfAFullRead(String name) {
    Path file = corpusFile(name);
    List<List<ColumnPredicate>> shapes = new ArrayList<>();
    // Single rows: the file's first and last rows, page edges and the middle of pages.
    for (long id : new long[] {0, 1, 20, 21, 22, 41, 42, 1000, 3650, 3651, 7279, 7298, 7299}) {
      shapes.add(List.of(predicate(ID, Operator.EQUAL, id)));
    }
    // Ranges ending and starting inside pages and on their edges.
    for (long id : new long[] {1, 21, 30, 42, 2000, 7280}) {
      shapes.add(List.of(predicate(ID, Operator.LESS_THAN, id)));
      shapes.add(List.of(predicate(ID, Operator.GREATER_THAN_OR_EQUAL, id)));
    }
    shapes.add(List.of(predicate(ID, Operator.LESS_THAN_OR_EQUAL, 3000L),
        predicate(ID, Operator.GREATER_THAN, 2990L)));
    shapes.add(List.of(predicate(ID, Operator.IN, 5L, 77L, 3000L, 7299L)));
    shapes.add(List.of(predicate(ID, Operator.GREATER_THAN, 100_000L))); // none
    shapes.add(List.of(predicate(ID, Operator.GREATER_THAN_OR_EQUAL, 0L))); // all
    shapes.add(List.of(predicate(ID, Operator.NOT_EQUAL, 5L)));
    shapes.add(List.of(predicate(ID, Operator.IS_NULL))); // none
    shapes.add(List.of(predicate(ID, Operator.IS_NOT_NULL))); // all
    // Other types and columns whose pages hold other row counts (7, 14, 21, 90 rows).
    shapes.add(List.of(predicate(TINYINT, Operator.EQUAL, 3L)));
    shapes.add(List.of(predicate(TINYINT, Operator.LESS_THAN, 2L)));
    shapes.add(List.of(predicate(SMALLINT, Operator.GREATER_THAN_OR_EQUAL, 9L)));
    shapes.add(List.of(predicate(BIGINT, Operator.IN, 10L, 50L)));
    shapes.add(List.of(predicate(FLOAT, Operator.LESS_THAN_OR_EQUAL, 1.1)));
    shapes.add(List.of(predicate(DOUBLE, Operator.GREATER_THAN, 80.0)));
    shapes.add(List.of(predicate(STRING, Operator.EQUAL, "7")));
    shapes.add(List.of(predicate(DATE_STRING, Operator.EQUAL, "03/17/10")));
    shapes.add(List.of(predicate(DATE_STRING, Operator.LESS_THAN, "01/05/09")));
    // Predicates on different columns intersect.
    shapes.add(List.of(predicate(TINYINT, Operator.EQUAL, 3L),
        predicate(ID, Operator.LESS_THAN, 2000L)));
    shapes.add(List.of(predicate(YEAR, Operator.EQUAL, 2010L),
        predicate(MONTH, Operator.EQUAL, 3L)));
    shapes.add(List.of(predicate(DATE_STRING, Operator.GREATER_THAN, "12/30/09"),
        predicate(BIGINT, Operator.EQUAL, 30L)));
    for (List<ColumnPredicate> predicates : shapes) {
      checkSame(file, predicates, 1000);
    }
    // Batches that end inside pages and ranges.
    checkSame(file, List.of(predicate(ID, Operator.LESS_THAN, 500L)), 7);
    checkSame(file, List.of(predicate(TINYINT, Operator.EQUAL, 3L)), 33);
  }

  @Test
  void pagesAndRowsLeftOutAreCounted() {
    Path file = corpusFile("alltypes_tiny_pages_plain.parquet");
    Scan one = checkSame(file, List.of(predicate(ID, Operator.EQUAL, 3650L)), 1000);
    assertThat(filter(one.rows(), List.of(predicate(ID, Operator.EQUAL, 3650L)))).hasSize(1);
    // Only the page of the row is read: every other page of the 13 columns is skipped.
    assertThat(one.rows().size()).isLessThanOrEqualTo(90);
    assertThat(one.rowsSkipped()).isEqualTo(7300 - one.rows().size());
    assertThat(one.pagesSkipped()).isGreaterThan(3000);

    Scan all = checkSame(file, List.of(predicate(ID, Operator.GREATER_THAN_OR_EQUAL, 0L)),
        1000);
    assertThat(all.rows()).hasSize(7300);
    assertThat(all.pagesSkipped()).isZero();
    assertThat(all.rowsSkipped()).isZero();

    // Ruled out by the row group's statistics before the page index is read.
    Scan none = checkSame(file, List.of(predicate(ID, Operator.LESS_THAN, 0L)), 1000);
    assertThat(none.rows()).isEmpty();
    assertThat(none.rowsSkipped()).isZero();

    // Switched off with the statistics.
    int columns = format.schema(file, null).getFields().size();
    Scan off = scan(file, allColumns(columns), List.of(predicate(ID, Operator.EQUAL, 3650L)),
        false, 1000, -1);
    assertThat(off.rows()).hasSize(7300);
    assertThat(off.rowsSkipped()).isZero();
  }

  @Test
  void projectingFewerColumnsReadsOnlyTheirPages() {
    Path file = corpusFile("alltypes_tiny_pages.parquet");
    List<ColumnPredicate> predicates = List.of(predicate(ID, Operator.IN, 1000L, 5000L));
    // The predicate's column is not projected: its page index still narrows the rows.
    Scan scan = scan(file, new int[] {DATE_STRING, BIGINT}, predicates, true, 1000, -1);
    assertThat(scan.rowsSkipped()).isGreaterThan(6000);
    assertThat(scan.pagesSkipped()).isGreaterThan(1000);
    assertThat(scan.rows().size()).isEqualTo(7300 - scan.rowsSkipped());
    Scan full = scan(file, new int[] {ID, DATE_STRING, BIGINT}, predicates, true, 1000, -1);
    List<List<Object>> expected = new ArrayList<>();
    for (List<Object> row : full.rows()) {
      expected.add(row.subList(1, 3));
    }
    assertThat(scan.rows()).isEqualTo(expected);
  }

  @Test
  void limitStillStopsTheScan() {
    Path file = corpusFile("alltypes_tiny_pages.parquet");
    List<ColumnPredicate> predicates = List.of(predicate(TINYINT, Operator.EQUAL, 3L));
    Scan limited = scan(file, allColumns(13), predicates, true, 4, 10);
    assertThat(limited.rows()).hasSize(10);
    Scan full = scan(file, allColumns(13), predicates, true, 1000, -1);
    assertThat(limited.rows()).isEqualTo(full.rows().subList(0, 10));
  }

  @Test
  void pagesOfNullsAreSkippedForComparisonsAndKeptForIsNull() {
    Path file = corpusFile("int32_with_null_pages.parquet");
    List<List<ColumnPredicate>> shapes = List.of(
        List.of(predicate(0, Operator.IS_NULL)),
        List.of(predicate(0, Operator.IS_NOT_NULL)),
        List.of(predicate(0, Operator.GREATER_THAN, 2_000_000_000L)),
        List.of(predicate(0, Operator.EQUAL, -654807448L)));
    for (List<ColumnPredicate> predicates : shapes) {
      Scan full = scan(file, new int[] {0}, predicates, false, 100, -1);
      Scan skipping = scan(file, new int[] {0}, predicates, true, 100, -1);
      assertThat(filter(skipping.rows(), predicates)).as("%s", predicates)
          .isEqualTo(filter(full.rows(), predicates));
    }
    Scan notNull = scan(file, new int[] {0}, List.of(predicate(0, Operator.IS_NOT_NULL)), true,
        100, -1);
    assertThat(notNull.rowsSkipped()).isPositive();
    assertThat(notNull.rows()).hasSize(1000 - (int) notNull.rowsSkipped());
  }

  @Test
  void aRowGroupIsReadWholeWhenAProjectedColumnHasNoOffsetIndex() throws Exception {
    Path source = corpusFile("alltypes_tiny_pages_plain.parquet");
    Path file = withFooter(source, "no_offset_index.parquet", metadata -> {
      ColumnChunk chunk = metadata.getRow_groups().get(0).getColumns().get(STRING);
      chunk.unsetOffset_index_offset();
      chunk.unsetOffset_index_length();
    }, new byte[0]);
    List<ColumnPredicate> predicates = List.of(predicate(ID, Operator.EQUAL, 3650L));
    Scan whole = checkSame(file, predicates, 1000);
    assertThat(whole.rows()).hasSize(7300);
    assertThat(whole.pagesSkipped()).isZero();
    assertThat(whole.rowsSkipped()).isZero();
    // Without that column in the projection the row group is read in part again.
    Scan part = scan(file, new int[] {ID, BIGINT}, predicates, true, 1000, -1);
    assertThat(part.rowsSkipped()).isPositive();
    assertThat(part.pagesSkipped()).isPositive();
  }

  @Test
  void unknownFieldsOfTheOffsetIndexAreIgnored() throws Exception {
    Path source = corpusFile("alltypes_tiny_pages_plain.parquet");
    long appendAt = footerStart(source);
    OffsetIndex real = idOffsetIndex(source);
    byte[] known = offsetIndex(real.getPage_locations());
    assertThat(known[known.length - 1]).isZero(); // the struct's stop byte
    // Field 15 (14 after field 1), type i32 (compact type 5), value 1 (zigzag 2), then stop.
    byte[] extended = java.util.Arrays.copyOf(known, known.length + 2);
    extended[known.length - 1] = (byte) 0xE5;
    extended[known.length] = 2;
    extended[known.length + 1] = 0;
    Path file = withFooter(source, "unknown_field.parquet", metadata -> {
      ColumnChunk chunk = metadata.getRow_groups().get(0).getColumns().get(ID);
      chunk.setOffset_index_offset(appendAt);
      chunk.setOffset_index_length(extended.length);
    }, extended);
    Scan scan = checkSame(file, List.of(predicate(ID, Operator.EQUAL, 3650L)), 1000);
    assertThat(scan.pagesSkipped()).isPositive();
  }

  @Test
  void sqlOverAFileWithAPageIndexMatchesDuckDb() throws Exception {
    Path file = corpusFile("alltypes_tiny_pages.parquet").toAbsolutePath().normalize();
    String path = file.toString().replace("'", "''");
    List<String> queries = List.of(
        "SELECT id, bigint_col, string_col, date_string_col FROM read_parquet('%s')"
            + " WHERE id BETWEEN 3640 AND 3660 ORDER BY id",
        "SELECT COUNT(*), SUM(id), MIN(double_col) FROM read_parquet('%s')"
            + " WHERE tinyint_col = 3 AND id < 2000",
        "SELECT id, float_col FROM read_parquet('%s') WHERE id IN (0, 21, 7299) ORDER BY id",
        "SELECT COUNT(*) FROM read_parquet('%s') WHERE date_string_col = '03/17/10'"
            + " AND bigint_col >= 50");
    try (QuiverSession session = QuiverSession.builder().batchSize(500).build();
        Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      for (String query : queries) {
        String sql = String.format(query, path);
        List<List<Object>> expected = new ArrayList<>();
        try (Statement statement = duck.createStatement();
            ResultSet rows = statement.executeQuery(sql)) {
          while (rows.next()) {
            List<Object> row = new ArrayList<>();
            for (int c = 1; c <= rows.getMetaData().getColumnCount(); c++) {
              row.add(rows.getString(c));
            }
            expected.add(row);
          }
        }
        List<List<Object>> actual = new ArrayList<>();
        try (QueryResult result = session.sql(sql)) {
          for (List<Object> row : result.toRows()) {
            List<Object> text = new ArrayList<>();
            for (Object value : row) {
              text.add(value == null ? null : String.valueOf(value));
            }
            actual.add(text);
          }
        }
        assertThat(actual).as(sql).isEqualTo(expected);
      }
      assertThat(session.allocator().getAllocatedMemory()).isZero();
    }
  }

  // ---- hand-built files (no corpus needed): INT32 columns whose pages hold different row
  // counts, v1 and v2 pages, nulls, and a page index written by the test

  /** A page of {@code rows} rows from {@code first} of a column: value(row), null when absent. */
  private static ParquetTestFiles.Page page(long first, int rows, boolean optional, boolean v2,
      java.util.function.LongFunction<Integer> value) {
    int[] repetition = new int[rows];
    int[] definition = new int[rows];
    List<Integer> present = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      Integer v = value.apply(first + r);
      definition[r] = v == null ? 0 : 1;
      if (v != null) {
        present.add(v);
      }
    }
    if (!optional) {
      java.util.Arrays.fill(definition, 0);
    }
    return new ParquetTestFiles.Page(repetition, definition,
        present.stream().mapToInt(Integer::intValue).toArray(), v2);
  }

  private static ParquetTestFiles.Chunk chunk(String name, int rows, int pageRows,
      boolean optional, java.util.function.LongFunction<Integer> value) {
    List<ParquetTestFiles.Page> pages = new ArrayList<>();
    for (int first = 0; first < rows; first += pageRows) {
      pages.add(page(first, Math.min(pageRows, rows - first), optional, pages.size() % 2 == 1,
          value));
    }
    return new ParquetTestFiles.Chunk(name, 0, optional ? 1 : 0, pages);
  }

  /**
   * A copy of {@code source} (one row group, INT32 leaves of PLAIN pages) with a page index
   * for every chunk: page locations found by walking the page headers, bounds from
   * {@code values} (column -> row -> value or null).
   */
  private Path withPageIndex(Path source, String name,
      List<java.util.function.LongFunction<Integer>> values) throws Exception {
    byte[] bytes = Files.readAllBytes(source);
    long appendAt = footerStart(source);
    FileMetaData metadata = footer(source);
    long rows = metadata.getRow_groups().get(0).getNum_rows();
    ByteArrayOutputStream appended = new ByteArrayOutputStream();
    List<long[]> positions = new ArrayList<>();
    List<ColumnChunk> chunks = metadata.getRow_groups().get(0).getColumns();
    for (int c = 0; c < chunks.size(); c++) {
      org.apache.parquet.format.ColumnMetaData chunk = chunks.get(c).getMeta_data();
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
        org.apache.parquet.format.PageHeader header = Util.readPageHeader(in);
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
        nullPages.add(nulls == count);
        minimums.add(ByteBuffer.wrap(nulls == count ? new byte[0] : ByteBuffer.allocate(4)
            .order(ByteOrder.LITTLE_ENDIAN).putInt(min).array()));
        maximums.add(ByteBuffer.wrap(nulls == count ? new byte[0] : ByteBuffer.allocate(4)
            .order(ByteOrder.LITTLE_ENDIAN).putInt(max).array()));
        nullCounts.add(nulls);
        firstRow += count;
        at += size;
      }
      assertThat(firstRow).isEqualTo(rows);
      long offsetAt = appendAt + appended.size();
      Util.writeOffsetIndex(new OffsetIndex(locations), appended);
      long columnAt = appendAt + appended.size();
      ColumnIndex bounds = new ColumnIndex(nullPages, minimums, maximums,
          org.apache.parquet.format.BoundaryOrder.UNORDERED);
      bounds.setNull_counts(nullCounts);
      Util.writeColumnIndex(bounds, appended);
      positions.add(new long[] {offsetAt, columnAt - offsetAt, columnAt,
          appendAt + appended.size() - columnAt});
    }
    return withFooter(source, name, edited -> {
      List<ColumnChunk> columns = edited.getRow_groups().get(0).getColumns();
      List<org.apache.parquet.format.ColumnOrder> orders = new ArrayList<>();
      for (int c = 0; c < columns.size(); c++) {
        long[] position = positions.get(c);
        columns.get(c).setOffset_index_offset(position[0]);
        columns.get(c).setOffset_index_length((int) position[1]);
        columns.get(c).setColumn_index_offset(position[2]);
        columns.get(c).setColumn_index_length((int) position[3]);
        orders.add(org.apache.parquet.format.ColumnOrder.TYPE_ORDER(
            new org.apache.parquet.format.TypeDefinedOrder()));
      }
      edited.setColumn_orders(orders);
    }, appended.toByteArray());
  }

  @Test
  void handBuiltPagesOfDifferentSizesStayAligned() throws Exception {
    int rows = 100;
    java.util.function.LongFunction<Integer> a = row -> (int) row;
    java.util.function.LongFunction<Integer> b = row -> row % 5 == 0 || row >= 84 && row < 91
        ? null : (int) row * 2;
    java.util.function.LongFunction<Integer> c = row -> (int) -row;
    Path plain = ParquetTestFiles.write(directory.resolve("hand.parquet"), List.of(
        ParquetTestFiles.root(3),
        ParquetTestFiles.int32("a", org.apache.parquet.format.FieldRepetitionType.REQUIRED),
        ParquetTestFiles.int32("b", org.apache.parquet.format.FieldRepetitionType.OPTIONAL),
        ParquetTestFiles.int32("c", org.apache.parquet.format.FieldRepetitionType.REQUIRED)),
        rows, List.of(chunk("a", rows, 10, false, a), chunk("b", rows, 7, true, b),
            chunk("c", rows, 33, false, c)));
    Path file = withPageIndex(plain, "hand_indexed.parquet", List.of(a, b, c));
    List<List<ColumnPredicate>> shapes = List.of(
        List.of(predicate(0, Operator.EQUAL, 55L)),
        List.of(predicate(0, Operator.GREATER_THAN_OR_EQUAL, 19L),
            predicate(0, Operator.LESS_THAN_OR_EQUAL, 30L)),
        List.of(predicate(0, Operator.IN, 0L, 9L, 10L, 99L)),
        List.of(predicate(0, Operator.GREATER_THAN, 1000L)),
        List.of(predicate(1, Operator.GREATER_THAN, 150L)),
        List.of(predicate(1, Operator.IS_NULL)),
        List.of(predicate(1, Operator.IS_NOT_NULL), predicate(2, Operator.LESS_THAN, -60L)),
        List.of(predicate(1, Operator.EQUAL, 172L)), // row 86 is in the page of nulls: none
        List.of(predicate(2, Operator.GREATER_THAN_OR_EQUAL, -40L),
            predicate(1, Operator.LESS_THAN, 20L)));
    for (List<ColumnPredicate> predicates : shapes) {
      for (int batchSize : new int[] {1, 3, 64}) {
        checkSame(file, predicates, batchSize);
      }
    }
    Scan one = checkSame(file, List.of(predicate(0, Operator.EQUAL, 55L)), 64);
    // Rows 50..59 (a's page); b's pages 49..55 and 56..62 and c's page 33..65 are read whole.
    assertThat(one.rows()).extracting(row -> row.get(0)).containsExactly(
        java.util.stream.IntStream.range(50, 60).mapToObj(BigDecimal::valueOf).toArray());
    assertThat(one.rowsSkipped()).isEqualTo(90);
    assertThat(one.pagesSkipped()).isEqualTo(9 + 13 + 3);
    Scan nulls = checkSame(file, List.of(predicate(1, Operator.EQUAL, 172L)), 64);
    assertThat(nulls.rows()).isEmpty();
    assertThat(nulls.rowsSkipped()).isEqualTo(100);
  }

  // ---- a page index that does not fit the file: a DATA error naming file, row group, column

  /** A copy of {@code source} whose footer {@code edit} changed (the pages stay in place). */
  private Path withFooter(Path source, String name, Consumer<FileMetaData> edit,
      byte[] appended) throws Exception {
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
    Path file = directory.resolve(name);
    Files.write(file, out.toByteArray());
    return file;
  }

  private static long footerStart(Path file) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    int length = ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN)
        .getInt();
    return bytes.length - 8 - length;
  }

  private static FileMetaData footer(Path file) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    long start = footerStart(file);
    return Util.readFileMetaData(new ByteArrayInputStream(bytes, (int) start,
        (int) (bytes.length - 8 - start)));
  }

  /** The offset index of the id column of the file's first row group. */
  private static OffsetIndex idOffsetIndex(Path file) throws Exception {
    ColumnChunk chunk = footer(file).getRow_groups().get(0).getColumns().get(ID);
    byte[] bytes = Files.readAllBytes(file);
    return Util.readOffsetIndex(new ByteArrayInputStream(bytes,
        (int) chunk.getOffset_index_offset(), chunk.getOffset_index_length()));
  }

  private QuiverException failure(Path file, int column, String expected) {
    return failure(file, predicate(column, Operator.EQUAL, 3650L), expected);
  }

  private QuiverException failure(Path file, ColumnPredicate predicate, String expected) {
    List<ColumnPredicate> predicates = List.of(predicate);
    QuiverException error = catchThrowableOfType(QuiverException.class,
        () -> scan(file, allColumns(13), predicates, true, 1000, -1));
    assertThat(error).as(file.getFileName().toString()).isNotNull();
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.getMessage()).contains(expected).contains("parquet_pruning=false");
    assertThat(error.context()).contains("file " + file, "row group 0");
    // Without pruning the page index is not read, and the file reads.
    assertThat(scan(file, allColumns(13), predicates, false, 1000, -1).rows()).hasSize(7300);
    // Without predicates neither.
    assertThat(scan(file, allColumns(13), List.of(), true, 1000, -1).rows()).hasSize(7300);
    return error;
  }

  private static byte[] offsetIndex(List<PageLocation> locations) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Util.writeOffsetIndex(new OffsetIndex(locations), out);
    return out.toByteArray();
  }

  @Test
  void aCorruptPageIndexIsADataErrorNamingTheColumn() throws Exception {
    Path source = corpusFile("alltypes_tiny_pages_plain.parquet");
    long end = Files.size(source);
    // Offsets past the end of the file (truncated).
    Path beyond = withFooter(source, "beyond.parquet", metadata -> metadata.getRow_groups()
        .get(0).getColumns().get(ID).setOffset_index_offset(end + 100), new byte[0]);
    assertThat(failure(beyond, ID, "offset index").context()).contains("column id");
    Path truncated = withFooter(source, "truncated.parquet", metadata -> {
      ColumnChunk chunk = metadata.getRow_groups().get(0).getColumns().get(BIGINT);
      chunk.setColumn_index_length(chunk.getColumn_index_length() / 2);
    }, new byte[0]);
    assertThat(failure(truncated, predicate(BIGINT, Operator.EQUAL, 30L),
        "corrupt column index").context())
        .contains("column bigint_col");
    // Bytes that are not an offset index (wrong type: the column index's bytes).
    Path wrongType = withFooter(source, "wrong_type.parquet", metadata -> {
      ColumnChunk chunk = metadata.getRow_groups().get(0).getColumns().get(ID);
      chunk.setOffset_index_offset(chunk.getColumn_index_offset());
      chunk.setOffset_index_length(chunk.getColumn_index_length());
    }, new byte[0]);
    assertThat(failure(wrongType, ID, "offset index").context()).contains("column id");
    // A negative length.
    Path negative = withFooter(source, "negative.parquet", metadata -> metadata.getRow_groups()
        .get(0).getColumns().get(ID).setOffset_index_length(-5), new byte[0]);
    failure(negative, ID, "length of -5 bytes");
  }

  @Test
  void anOffsetIndexThatDisagreesWithTheChunkIsADataError() throws Exception {
    Path source = corpusFile("alltypes_tiny_pages_plain.parquet");
    long appendAt = footerStart(source);
    // Rows that go backwards.
    byte[] backwards = offsetIndex(List.of(new PageLocation(4, 109, 0),
        new PageLocation(113, 109, 21), new PageLocation(222, 109, 10)));
    Path rows = withFooter(source, "backwards.parquet", metadata -> {
      ColumnChunk chunk = metadata.getRow_groups().get(0).getColumns().get(ID);
      chunk.setOffset_index_offset(appendAt);
      chunk.setOffset_index_length(backwards.length);
    }, backwards);
    assertThat(failure(rows, ID, "page 2 starts at row 10").context()).contains("column id");
    // A page outside its chunk, on a projected column that is not filtered on.
    byte[] outside = offsetIndex(List.of(new PageLocation(4, 109, 0),
        new PageLocation(500_000, 109, 21)));
    Path pages = withFooter(source, "outside.parquet", metadata -> {
      ColumnChunk chunk = metadata.getRow_groups().get(0).getColumns().get(STRING);
      chunk.setOffset_index_offset(appendAt);
      chunk.setOffset_index_length(outside.length);
    }, outside);
    assertThat(failure(pages, ID, "outside the column chunk").context())
        .contains("column string_col");
    // A column index for another number of pages than the offset index lists.
    ColumnIndex shortIndex = new ColumnIndex(List.of(false), List.of(ByteBuffer.allocate(4)),
        List.of(ByteBuffer.allocate(4)), org.apache.parquet.format.BoundaryOrder.UNORDERED);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Util.writeColumnIndex(shortIndex, bytes);
    byte[] columnIndex = bytes.toByteArray();
    Path counts = withFooter(source, "counts.parquet", metadata -> {
      ColumnChunk chunk = metadata.getRow_groups().get(0).getColumns().get(ID);
      chunk.setColumn_index_offset(appendAt);
      chunk.setColumn_index_length(columnIndex.length);
    }, columnIndex);
    assertThat(failure(counts, ID, "describes 1 pages").context()).contains("column id");
  }

  @Test
  void aPageThatDisagreesWithItsOffsetIndexIsADataError() throws Exception {
    Path source = corpusFile("alltypes_tiny_pages_plain.parquet");
    long appendAt = footerStart(source);
    OffsetIndex real = idOffsetIndex(source);
    ColumnChunk idChunk = footer(source).getRow_groups().get(0).getColumns().get(ID);
    byte[] all = Files.readAllBytes(source);
    ColumnIndex bounds = Util.readColumnIndex(new ByteArrayInputStream(all,
        (int) idChunk.getColumn_index_offset(), idChunk.getColumn_index_length()));
    // The chunk's real pages, but the second page said to start one row later: the first
    // page's header then holds one value less than the index gives it.
    List<PageLocation> shifted = new ArrayList<>();
    for (PageLocation location : real.getPage_locations()) {
      shifted.add(new PageLocation(location.getOffset(), location.getCompressed_page_size(),
          location.getFirst_row_index() + (shifted.size() == 1 ? 1 : 0)));
    }
    byte[] index = offsetIndex(shifted);
    Path file = withFooter(source, "shifted.parquet", metadata -> {
      ColumnChunk chunk = metadata.getRow_groups().get(0).getColumns().get(ID);
      chunk.setOffset_index_offset(appendAt);
      chunk.setOffset_index_length(index.length);
    }, index);
    long firstPageMinimum = bounds.getMin_values().get(0).order(ByteOrder.LITTLE_ENDIAN)
        .getInt(bounds.getMin_values().get(0).position());
    failure(file, predicate(ID, Operator.EQUAL, firstPageMinimum), "offset index gives it rows");
  }
}
