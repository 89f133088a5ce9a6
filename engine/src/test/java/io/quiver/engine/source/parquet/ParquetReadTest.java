package io.quiver.engine.source.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quiver.engine.source.DuckDbParquet;
import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverSession;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ColumnPredicate;
import io.quiver.udf.function.ScanRequest;
import io.quiver.udf.function.TableScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ParquetFormat and read_parquet
 * over files DuckDB writes (row groups of 2048 rows): types, codecs, push-downs, errors.
 */
class ParquetReadTest {
  @TempDir
  Path directory;
  private RootAllocator allocator;
  private final ParquetFormat format = new ParquetFormat();

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void close() {
    assertThat(allocator.getAllocatedMemory()).isZero();
    allocator.close();
  }

  private Path write(String name, String select, String options) throws Exception {
    return DuckDbParquet.write(directory.resolve(name), select, options);
  }

  private static final String ALL_TYPES = "SELECT i::BIGINT AS id,"
      + " CASE WHEN i % 4 = 0 THEN NULL ELSE i % 2 = 0 END AS b,"
      + " (i % 100)::TINYINT AS t, (i * 3)::SMALLINT AS s, (i * 1000)::INTEGER AS n,"
      + " (i % 200)::UTINYINT AS ut, (i * 7)::USMALLINT AS us, (i * 100000)::UINTEGER AS ui,"
      + " (i::UBIGINT * 1000000000000) AS ub,"
      + " (i / 3.0)::FLOAT AS f, CASE WHEN i % 3 = 0 THEN NULL ELSE i / 7.0 END::DOUBLE AS d,"
      + " (i * 1.25)::DECIMAL(9, 2) AS d9, (i * 1.0001)::DECIMAL(18, 4) AS d18,"
      + " (i * 12345678901.25)::DECIMAL(38, 10) AS d38,"
      + " CASE WHEN i % 5 = 0 THEN NULL ELSE 'text ' || i END AS v,"
      + " DATE '2000-01-01' + (i::INTEGER) AS dt, TIME '01:02:03.456789' AS tm,"
      + " TIMESTAMP '2020-02-29 12:34:56.789012' + to_seconds(i) AS ts,"
      + " (TIMESTAMP '1969-12-31 23:59:59' + to_seconds(i))::TIMESTAMP_MS AS tms,"
      + " (TIMESTAMP '2021-01-01 00:00:00.123456' + to_seconds(i))::TIMESTAMP_NS AS tns,"
      + " uuid_extract_timestamp IS NULL AS dummy"
      + " FROM range(2500) t(i)";

  @ParameterizedTest
  @ValueSource(strings = {"snappy", "gzip", "zstd", "brotli", "lz4", "lz4_raw",
      "uncompressed"})
  void everyFlatTypeAndCodecMatchesDuckDb(String codec) throws Exception {
    String select = ALL_TYPES.replace(", uuid_extract_timestamp IS NULL AS dummy", "")
        + "";
    for (String version : List.of("v1", "v2")) {
      Path file = write("types_" + codec + "_" + version + ".parquet", select,
          ", COMPRESSION " + (codec.equals("lz4_raw") ? "lz4_raw" : codec)
              + ", ROW_GROUP_SIZE 1000, PARQUET_VERSION " + version);
      compareWithDuckDb(file);
    }
  }

  /**
   * Low-cardinality columns, which DuckDB writes dictionary-encoded: pages without NULLs go
   * from the dictionary straight into the vectors, pages with NULLs through the value buffer.
   * Strings shorter and longer than a word, the last dictionary entry included.
   */
  @ParameterizedTest
  @ValueSource(strings = {"v1", "v2"})
  void dictionaryEncodedColumnsMatchDuckDb(String version) throws Exception {
    String columns = "(i % 7)::INTEGER AS n, (i % 11 - 5)::BIGINT AS g,"
        + " DATE '1995-01-01' + (i % 13)::INTEGER AS dt, (i % 5 / 4.0)::FLOAT AS f,"
        + " (i % 9 / 8.0)::DOUBLE AS d, TIMESTAMP '2020-01-01' + to_seconds(i % 6) AS ts,"
        + " ((i % 17) * 1.25 - 3)::DECIMAL(9, 2) AS d9,"
        + " ((i % 19) * 1000.0001 - 9000)::DECIMAL(18, 4) AS d18,"
        + " ['A', 'N', 'R', 'a longer flag value', ''][i % 5 + 1] AS flag,"
        + " ['A', 'NO', '', '8 bytes!'][i % 4 + 1] AS code,"
        + " ('\\x0' || (i % 3))::BLOB AS bytes";
    String withNulls = "CASE WHEN i >= 3000 AND i % 10 = 0 THEN NULL ELSE (i % 4)::INTEGER END"
        + " AS sometimes, CASE WHEN i >= 3000 AND i % 10 = 0 THEN NULL ELSE ['x', 'yy',"
        + " 'zzzzzzzzzzzz'][i % 3 + 1] END AS sometimes_text";
    Path file = write("dictionary_" + version + ".parquet", "SELECT " + columns + ", "
        + withNulls + " FROM range(6000) t(i)", ", ROW_GROUP_SIZE 2500, PARQUET_VERSION "
        + version);
    compareWithDuckDb(file);
  }

  @Test
  void uuidAndBlobColumns() throws Exception {
    Path file = write("uuid.parquet", "SELECT CASE WHEN i = 1 THEN NULL ELSE"
        + " ('0000000' || i || '-1234-5678-9abc-def012345678')::UUID END AS u,"
        + " ('\\x01\\x02' || i)::BLOB AS blob FROM range(5) t(i)", "");
    compareWithDuckDb(file);
  }

  private void compareWithDuckDb(Path file) throws Exception {
    Schema schema = format.schema(file, null);
    int[] projection = new int[schema.getFields().size()];
    for (int i = 0; i < projection.length; i++) {
      projection[i] = i;
    }
    List<List<Object>> rows = new ArrayList<>();
    try (TableScan scan = format.scan(file, schema, ScanRequest.of(projection, 333), null,
        allocator)) {
      VectorSchemaRoot batch;
      while ((batch = scan.next()) != null) {
        try (VectorSchemaRoot owned = batch) {
          assertThat(owned.getRowCount()).isLessThanOrEqualTo(333);
          for (int r = 0; r < owned.getRowCount(); r++) {
            List<Object> row = new ArrayList<>();
            for (FieldVector vector : owned.getFieldVectors()) {
              ParquetConformanceTest.flattenValues(vector, r, row);
            }
            rows.add(row);
          }
        }
      }
    }
    List<List<Object>> expected;
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement statement = duck.createStatement()) {
        statement.execute("SET TimeZone='UTC'");
        statement.execute("SET threads=1");
      }
      expected = ParquetConformanceTest.duckRows(duck, file, schema);
    }
    assertThat(rows).hasSameSizeAs(expected);
    List<org.apache.arrow.vector.types.pojo.Field> leaves = ParquetConformanceTest.leaves(schema);
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < leaves.size(); c++) {
        assertThat(ParquetConformanceTest.same(rows.get(r).get(c), expected.get(r).get(c)))
            .as("%s row %d column %s: Quiver %s, DuckDB %s", file.getFileName(), r,
                leaves.get(c).getName(), rows.get(r).get(c), expected.get(r).get(c))
            .isTrue();
      }
    }
  }

  @Test
  void aColumnProjectedTwiceReadsTheSameValuesInEveryRowGroup() throws Exception {
    // the scan reuses a column's page buffer from one row group to the next; two readers of
    // one column in a row group must not share it (batches of 1500 cross row groups of 2048)
    Path file = ordered();
    Schema schema = format.schema(file, null);
    long rows = 0;
    try (TableScan scan = format.scan(file, schema, ScanRequest.of(new int[] {1, 0, 1}, 1500),
        null, allocator)) {
      VectorSchemaRoot batch;
      while ((batch = scan.next()) != null) {
        for (int row = 0; row < batch.getRowCount(); row++) {
          long id = (Long) batch.getVector(1).getObject(row);
          String expected = "k" + String.format("%05d", id);
          assertThat(batch.getVector(0).getObject(row).toString()).isEqualTo(expected);
          assertThat(batch.getVector(2).getObject(row).toString()).isEqualTo(expected);
          assertThat(id).isEqualTo(rows + row);
        }
        rows += batch.getRowCount();
        batch.close();
      }
    }
    assertThat(rows).isEqualTo(10_000);
  }

  private Path ordered() throws Exception {
    return write("ordered.parquet", "SELECT i::BIGINT AS id, 'k' || lpad(i::VARCHAR, 5, '0')"
        + " AS k, DATE '2000-01-01' + (i::INTEGER) AS day FROM range(10000) t(i)",
        ", ROW_GROUP_SIZE 2048");
  }

  private List<RowGroupUnit> units(Path file, ColumnPredicate predicate, boolean pruning) {
    Schema schema = format.schema(file, null);
    ScanRequest request = new ScanRequest(new int[] {0}, List.of(predicate), -1, 1024);
    try (ParquetTableScan scan = new ParquetTableScan(file, schema, request, pruning, 1024,
        allocator)) {
      return scan.units();
    }
  }

  @Test
  void rowGroupsAreSkippedByStatistics() throws Exception {
    Path file = ordered();
    assertThat(units(file, new ColumnPredicate(0, ColumnPredicate.Operator.GREATER_THAN,
        List.of(8500L)), true)).extracting(RowGroupUnit::rowGroup).containsExactly(4);
    assertThat(units(file, new ColumnPredicate(0, ColumnPredicate.Operator.EQUAL,
        List.of(4321L)), true)).extracting(RowGroupUnit::rowGroup).containsExactly(2);
    assertThat(units(file, new ColumnPredicate(0, ColumnPredicate.Operator.IN,
        List.of(5L, 9999L)), true)).extracting(RowGroupUnit::rowGroup).containsExactly(0, 4);
    assertThat(units(file, new ColumnPredicate(1, ColumnPredicate.Operator.LESS_THAN,
        List.of("k01000")), true)).extracting(RowGroupUnit::rowGroup).containsExactly(0);
    assertThat(units(file, new ColumnPredicate(2, ColumnPredicate.Operator.GREATER_THAN_OR_EQUAL,
        List.of(java.time.LocalDate.of(2000, 1, 1).plusDays(9000))), true))
        .extracting(RowGroupUnit::rowGroup).containsExactly(4);
    assertThat(units(file, new ColumnPredicate(0, ColumnPredicate.Operator.IS_NULL,
        List.of()), true)).isEmpty();
    assertThat(units(file, new ColumnPredicate(0, ColumnPredicate.Operator.GREATER_THAN,
        List.of(8500L)), false)).hasSize(5);
    // A constant of another type compares numerically; one that does not fit never prunes.
    assertThat(units(file, new ColumnPredicate(0, ColumnPredicate.Operator.LESS_THAN,
        List.of(999.5)), true)).hasSize(1);
    assertThat(units(file, new ColumnPredicate(0, ColumnPredicate.Operator.LESS_THAN,
        List.of("x")), true)).hasSize(5);
  }

  @Test
  void aGivenSchemaPicksColumnsByNameAndMissingOnesAreNull() throws Exception {
    Path file = ordered();
    Schema given = new Schema(List.of(
        org.apache.arrow.vector.types.pojo.Field.nullable("K",
            org.apache.arrow.vector.types.pojo.ArrowType.Utf8.INSTANCE),
        org.apache.arrow.vector.types.pojo.Field.nullable("absent",
            new org.apache.arrow.vector.types.pojo.ArrowType.Int(64, true)),
        org.apache.arrow.vector.types.pojo.Field.nullable("id",
            org.apache.arrow.vector.types.pojo.ArrowType.Utf8.INSTANCE)));
    io.quiver.engine.source.options.ScanOptions options =
        new io.quiver.engine.source.options.ScanOptions(java.util.Map.of(), given);
    // The format reports the types the file stores; the file table converts to the given ones.
    assertThat(format.schema(file, options)).isEqualTo(format.schema(file, null));
    try (TableScan scan = format.scan(file, given, new ScanRequest(new int[] {0, 1},
        List.of(), 3, 10), options, allocator); VectorSchemaRoot batch = scan.next()) {
      assertThat(batch.getVector(0).getObject(2).toString()).isEqualTo("k00002");
      assertThat(batch.getVector(1).isNull(0)).isTrue();
    }
    QuiverException wrongType = catchThrowableOfType(QuiverException.class,
        () -> format.scan(file, given, ScanRequest.of(new int[] {2}, 10), options, allocator));
    assertThat(wrongType.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(wrongType.getMessage()).contains("column id");
  }

  @Test
  void limitStopsTheScan() throws Exception {
    Path file = ordered();
    Schema schema = format.schema(file, null);
    long rows = 0;
    try (TableScan scan = format.scan(file, schema, new ScanRequest(new int[] {1, 0}, List.of(),
        2500, 1000), null, allocator)) {
      VectorSchemaRoot batch;
      while ((batch = scan.next()) != null) {
        try (VectorSchemaRoot owned = batch) {
          rows += owned.getRowCount();
          assertThat(owned.getSchema().getFields().get(0).getName()).isEqualTo("k");
        }
      }
    }
    assertThat(rows).isEqualTo(2500);
  }

  @Test
  void readParquetInSql() throws Exception {
    Path file = ordered();
    String path = file.toString().replace("'", "''");
    try (QuiverSession session = QuiverSession.builder().batchSize(700).build()) {
      try (QueryResult result = session.sql("SELECT SUM(id), COUNT(*), MAX(k) FROM read_parquet('"
          + path + "') WHERE id > 8500")) {
        assertThat(result.toRows()).containsExactly(List.of(13_865_750L, 1499L, "k09999"));
      }
      try (QueryResult result = session.sql("SELECT id FROM read_parquet('" + path
          + "') LIMIT 3")) {
        assertThat(result.toRows()).hasSize(3);
      }
      assertThat(session.allocator().getAllocatedMemory()).isZero();
    }
  }

  @Test
  void errorsNameTheFileAndKind() throws Exception {
    QuiverException missing = catchThrowableOfType(QuiverException.class,
        () -> format.schema(directory.resolve("missing.parquet"), null));
    assertThat(missing.kind()).isEqualTo(ErrorKind.IO);
    assertThat(missing.getMessage()).contains("missing.parquet");

    Path text = directory.resolve("text.parquet");
    Files.writeString(text, "this is not a parquet file at all");
    QuiverException notParquet = catchThrowableOfType(QuiverException.class,
        () -> format.schema(text, null));
    assertThat(notParquet.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(notParquet.getMessage()).contains("PAR1").contains("text.parquet");

    // Nested columns decode (ParquetNestedReadTest); a projection of one reads its leaves.
    Path nested = write("nested.parquet", "SELECT 1 AS a, [1, 2] AS l, {'x': 1} AS st", "");
    Schema schema = format.schema(nested, null);
    try (TableScan scan = format.scan(nested, schema, ScanRequest.of(new int[] {1}, 10), null,
        allocator); VectorSchemaRoot batch = scan.next()) {
      assertThat(batch.getVector(0).getObject(0).toString()).isEqualTo("[1,2]");
    }
    try (TableScan scan = format.scan(nested, schema, ScanRequest.of(new int[] {0}, 10), null,
        allocator); VectorSchemaRoot batch = scan.next()) {
      assertThat(batch.getRowCount()).isEqualTo(1);
    }
  }

  @Test
  void structsWithoutRepetitionAreDecoded() throws Exception {
    Path file = write("structs.parquet", "SELECT i AS id, CASE WHEN i % 3 = 0 THEN NULL ELSE"
        + " {'a': CASE WHEN i % 2 = 0 THEN NULL ELSE i END, 'b': 'v' || i,"
        + " 'inner': CASE WHEN i % 5 = 0 THEN NULL ELSE {'x': i * 1.5, 'd': DATE '2020-01-01'}"
        + " END} END AS s FROM range(3000) t(i)", ", ROW_GROUP_SIZE 2048");
    compareWithDuckDb(file);
    Path required = write("struct_required.parquet", "SELECT {'a': i, 'b': i::VARCHAR} AS s"
        + " FROM range(10) t(i)", ", COMPRESSION zstd");
    compareWithDuckDb(required);
  }

  @Test
  void nestedColumnsMapToArrowNestedTypes() throws Exception {
    Path file = write("shapes.parquet", "SELECT [1, 2] AS l, {'x': 1, 'y': 'a'} AS st,"
        + " MAP {'k': 1.5} AS m, [[1], [2, 3]] AS ll", "");
    List<org.apache.arrow.vector.types.pojo.Field> fields = format.schema(file, null)
        .getFields();
    assertThat(fields.get(0).getType()).isEqualTo(
        org.apache.arrow.vector.types.pojo.ArrowType.List.INSTANCE);
    assertThat(fields.get(0).getChildren().get(0).getType())
        .isEqualTo(new org.apache.arrow.vector.types.pojo.ArrowType.Int(32, true));
    assertThat(fields.get(1).getType()).isEqualTo(
        org.apache.arrow.vector.types.pojo.ArrowType.Struct.INSTANCE);
    assertThat(fields.get(1).getChildren()).extracting(f -> f.getName())
        .containsExactly("x", "y");
    assertThat(fields.get(2).getType()).isInstanceOf(
        org.apache.arrow.vector.types.pojo.ArrowType.Map.class);
    assertThat(fields.get(2).getChildren().get(0).getChildren()).extracting(f -> f.getName())
        .containsExactly("key", "value");
    assertThat(fields.get(3).getChildren().get(0).getType()).isEqualTo(
        org.apache.arrow.vector.types.pojo.ArrowType.List.INSTANCE);
  }

  @Test
  void aCorruptPageNamesRowGroupAndColumn() throws Exception {
    Path file = write("plain.parquet", "SELECT i::BIGINT AS id FROM range(100) t(i)",
        ", COMPRESSION uncompressed");
    byte[] bytes = Files.readAllBytes(file);
    // The first page header follows the magic: make its compressed size absurd.
    for (int i = 4; i < 40; i++) {
      bytes[i] = (byte) 0x7F;
    }
    Path corrupt = directory.resolve("corrupt.parquet");
    Files.write(corrupt, bytes);
    Schema schema = format.schema(corrupt, null);
    QuiverException error = catchThrowableOfType(QuiverException.class, () -> {
      try (TableScan scan = format.scan(corrupt, schema, ScanRequest.of(new int[] {0}, 10),
          null, allocator)) {
        VectorSchemaRoot batch;
        while ((batch = scan.next()) != null) {
          batch.close();
        }
      }
    });
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.context()).hasSize(3);
    assertThat(error.context().get(1)).isEqualTo("row group 0");
    assertThat(error.context().get(2)).isEqualTo("column id");
  }
}
