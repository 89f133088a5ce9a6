package io.quiver.engine.source.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.source.DuckDbParquet;
import io.quiver.udf.function.ScanRequest;
import io.quiver.udf.function.TableScan;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nested columns (LIST, MAP, structs of them, any depth) in files DuckDB writes, read through
 * ParquetFormat and compared value by value with DuckDB's own read of the same file (its
 * {@code to_json}), at several batch sizes, row group sizes and both data page versions.
 */
class ParquetNestedReadTest {
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

  /** Every column of the file, flattened as the conformance test does. */
  private List<List<Object>> readAll(Path file, int batchSize) {
    Schema schema = format.schema(file, null);
    int[] projection = new int[schema.getFields().size()];
    for (int i = 0; i < projection.length; i++) {
      projection[i] = i;
    }
    List<List<Object>> rows = new ArrayList<>();
    try (TableScan scan = format.scan(file, schema, ScanRequest.of(projection, batchSize), null,
        allocator)) {
      VectorSchemaRoot batch;
      while ((batch = scan.next()) != null) {
        try (VectorSchemaRoot owned = batch) {
          assertThat(owned.getRowCount()).isLessThanOrEqualTo(batchSize);
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
    return rows;
  }

  private void compareWithDuckDb(Path file, int... batchSizes) throws Exception {
    Schema schema = format.schema(file, null);
    List<List<Object>> expected;
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement statement = duck.createStatement()) {
        statement.execute("SET TimeZone='UTC'");
        statement.execute("SET threads=1");
      }
      expected = ParquetConformanceTest.duckRows(duck, file, schema);
    }
    List<Field> leaves = ParquetConformanceTest.leaves(schema);
    for (int batchSize : batchSizes) {
      List<List<Object>> rows = readAll(file, batchSize);
      assertThat(rows).hasSameSizeAs(expected);
      for (int r = 0; r < rows.size(); r++) {
        for (int c = 0; c < leaves.size(); c++) {
          Object quiver = rows.get(r).get(c);
          Object duck = expected.get(r).get(c);
          assertThat(ParquetConformanceTest.same(quiver, duck))
              .as("%s batch %d row %d column %s: Quiver %s, DuckDB %s", file.getFileName(),
                  batchSize, r, leaves.get(c).getName(), quiver, duck)
              .isTrue();
        }
      }
    }
  }

  @Test
  void nullListEmptyListAndNullElementsAreDistinct() throws Exception {
    Path file = write("lists.parquet", "SELECT * FROM (VALUES (0, NULL::INTEGER[]),"
        + " (1, []::INTEGER[]), (2, [NULL]::INTEGER[]), (3, [1, NULL, 3]), (4, [4])) t(id, l)",
        "");
    List<List<Object>> rows = readAll(file, 1024);
    assertThat(rows).hasSize(5);
    assertThat(rows.get(0).get(1)).isNull();
    assertThat(rows.get(1).get(1)).isEqualTo(List.of());
    assertThat(rows.get(2).get(1)).isEqualTo(Arrays.asList((Object) null));
    assertThat(rows.get(3).get(1)).isEqualTo(Arrays.asList(BigDecimal.ONE, null,
        BigDecimal.valueOf(3)));
    compareWithDuckDb(file, 1, 2, 1024);
  }

  @Test
  void aGivenSchemaMustMatchTheNestedTypesAllTheWayDown() throws Exception {
    Path file = write("given.parquet", "SELECT [1, 2] AS l", "");
    Field utf8List = new Field("l", org.apache.arrow.vector.types.pojo.FieldType.nullable(
        org.apache.arrow.vector.types.pojo.ArrowType.List.INSTANCE), List.of(Field.nullable(
            "element", org.apache.arrow.vector.types.pojo.ArrowType.Utf8.INSTANCE)));
    Schema given = new Schema(List.of(utf8List));
    io.quiver.engine.source.options.ScanOptions options =
        new io.quiver.engine.source.options.ScanOptions(java.util.Map.of(), given);
    io.quiver.udf.error.QuiverException error = org.assertj.core.api.Assertions
        .catchThrowableOfType(io.quiver.udf.error.QuiverException.class,
            () -> format.scan(file, given, ScanRequest.of(new int[] {0}, 10), options,
                allocator));
    assertThat(error.kind()).isEqualTo(io.quiver.udf.error.ErrorKind.DATA);
    assertThat(error.getMessage()).contains("column l");
  }

  @Test
  void arrowVectorsHaveTheNestedTypes() throws Exception {
    Path file = write("types.parquet", "SELECT [1, 2] AS l, MAP {'a': 1} AS m,"
        + " {'x': [1]} AS s, [{'k': 1}] AS ls", "");
    Schema schema = format.schema(file, null);
    try (TableScan scan = format.scan(file, schema, ScanRequest.of(new int[] {0, 1, 2, 3},
        10), null, allocator); VectorSchemaRoot batch = scan.next()) {
      assertThat(batch.getVector("l")).isInstanceOf(ListVector.class);
      assertThat(batch.getVector("m")).isInstanceOf(MapVector.class);
      assertThat(batch.getVector("s")).isInstanceOf(StructVector.class);
      assertThat(((ListVector) batch.getVector("ls")).getDataVector())
          .isInstanceOf(StructVector.class);
      assertThat(ParquetConformanceTest.nestedValue(batch.getVector("m"), 0))
          .isEqualTo(Map.of("a", BigDecimal.ONE));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"V1", "V2"})
  void listsOfStructsStructsOfListsListsOfListsAndMaps(String version) throws Exception {
    Path file = write("shapes_" + version + ".parquet", "SELECT i AS id,"
        + " CASE WHEN i % 7 = 0 THEN NULL ELSE [{'a': i, 'b': CASE WHEN i % 2 = 0 THEN NULL"
        + " ELSE 'x' || i END}, NULL, {'a': NULL, 'b': 'y'}] END AS list_of_structs,"
        + " CASE WHEN i % 5 = 0 THEN NULL ELSE {'l': CASE WHEN i % 3 = 0 THEN NULL ELSE"
        + " range(i % 4) END, 'v': i * 0.5} END AS struct_of_lists,"
        + " CASE WHEN i % 11 = 0 THEN NULL ELSE [range(i % 3), NULL, [], [i, NULL]] END"
        + " AS list_of_lists,"
        + " CASE WHEN i % 6 = 0 THEN NULL ELSE MAP {'k' || i: i, 'z': NULL} END AS map_plain,"
        + " MAP {i: {'p': [i, i + 1], 'q': 'q' || i}} AS map_of_structs,"
        + " [[['deep' || i]], [[]], NULL] AS three_deep,"
        + " [MAP {'m': [1, 2]}] AS list_of_maps"
        + " FROM range(3000) t(i)", ", ROW_GROUP_SIZE 1000, PARQUET_VERSION " + version);
    compareWithDuckDb(file, 1, 7, 1000, 4096);
  }

  @ParameterizedTest
  @ValueSource(strings = {"V1", "V2"})
  void longListsAcrossBatchesAndRowGroups(String version) throws Exception {
    // A list of 300k values and small row groups and batches put record boundaries
    // everywhere. (DuckDB writes one data page per chunk here: records spanning pages are
    // tested on hand-built pages in ParquetNestedLevelsTest.)
    Path file = write("long_" + version + ".parquet", "SELECT i AS id,"
        + " CASE WHEN i = 3 THEN range(300000) WHEN i % 9 = 0 THEN NULL"
        + " ELSE range(i % 40) END AS l,"
        + " CASE WHEN i % 4 = 0 THEN [] ELSE ['s' || i, NULL] END AS strings"
        + " FROM range(5000) t(i)", ", ROW_GROUP_SIZE 1500, PARQUET_VERSION " + version);
    compareWithDuckDb(file, 3, 1024);
  }

  @Test
  void compressedNestedFilesMatch() throws Exception {
    for (String codec : List.of("snappy", "zstd", "gzip", "uncompressed")) {
      Path file = write("codec_" + codec + ".parquet", "SELECT i AS id, [i, NULL, i * 2] AS l,"
          + " MAP {'a' || (i % 3): [i::VARCHAR]} AS m FROM range(2000) t(i)",
          ", COMPRESSION " + codec);
      compareWithDuckDb(file, 500);
    }
  }
}
