package io.quiver.engine.source.parquet;

import static io.quiver.engine.source.parquet.PageIndexTestFiles.allColumns;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverSession;
import io.quiver.engine.source.parquet.PageIndexTestFiles.Scan;
import io.quiver.udf.function.ColumnPredicate;
import io.quiver.udf.function.ColumnPredicate.Operator;
import java.math.BigDecimal;
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
import java.util.stream.IntStream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.parquet.format.ColumnChunk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Page skipping by the page index (column index + offset index), over the parquet-testing
 * files that have one and over a hand-built file whose page index the test writes
 * ({@link PageIndexTestFiles}): a scan that skips pages returns, once the filter is
 * re-applied, exactly the rows of a scan that reads everything; every returned row is a whole
 * row of the file (the columns' pages are not aligned, yet the rows are); the scan says how
 * many pages and rows it left out. Bad page indexes: {@link ParquetPageIndexCorruptionTest}.
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
    // in CI the corpus is always there: its absence is a failure, not a skip
    org.junit.jupiter.api.Assertions.assertFalse(
        "true".equals(System.getenv("CI")) && !Files.isRegularFile(file),
        "CI=true but the parquet-testing corpus file is missing at " + file.toAbsolutePath());
    Assumptions.assumeTrue(Files.isRegularFile(file), "parquet-testing corpus not found at "
        + file.toAbsolutePath() + " (set -Dquiver.conformance.dir)");
    return file;
  }

  private static ColumnPredicate predicate(int column, Operator operator, Object... values) {
    return new ColumnPredicate(column, operator, List.of(values));
  }

  private Scan scan(Path file, int[] projection, List<ColumnPredicate> predicates,
      boolean pruning, int batchSize, long limit) {
    return PageIndexTestFiles.scan(allocator, file, projection, predicates, pruning, batchSize,
        limit);
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
    Path source = PageIndexTestFiles.handBuilt(directory);
    Path file = PageIndexTestFiles.withFooter(source, directory.resolve("no_offset.parquet"),
        metadata -> {
          ColumnChunk chunk = metadata.getRow_groups().get(0).getColumns().get(2);
          chunk.unsetOffset_index_offset();
          chunk.unsetOffset_index_length();
        }, new byte[0]);
    List<ColumnPredicate> predicates = List.of(predicate(0, Operator.EQUAL, 55L));
    Scan whole = checkSame(file, predicates, 64);
    assertThat(whole.rows()).hasSize(100);
    assertThat(whole.pagesSkipped()).isZero();
    assertThat(whole.rowsSkipped()).isZero();
    // Without that column in the projection the row group is read in part again.
    Scan part = scan(file, new int[] {0, 1}, predicates, true, 64, -1);
    assertThat(part.rows()).hasSize(10);
    assertThat(part.rowsSkipped()).isEqualTo(90);
    assertThat(part.pagesSkipped()).isEqualTo(9 + 13);
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

  @Test
  void handBuiltPagesOfDifferentSizesStayAligned() throws Exception {
    Path file = PageIndexTestFiles.handBuilt(directory);
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
        IntStream.range(50, 60).mapToObj(BigDecimal::valueOf).toArray());
    assertThat(one.rowsSkipped()).isEqualTo(90);
    assertThat(one.pagesSkipped()).isEqualTo(9 + 13 + 3);
    Scan nulls = checkSame(file, List.of(predicate(1, Operator.EQUAL, 172L)), 64);
    assertThat(nulls.rows()).isEmpty();
    assertThat(nulls.rowsSkipped()).isEqualTo(100);
  }
}
