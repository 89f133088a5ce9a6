package io.quiver.engine.source.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ScanRequest;
import io.quiver.udf.function.TableScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded corruption: valid files (written by DuckDB with several codecs and encodings, flat and
 * nested, and nested files of parquet-testing) get
 * bytes flipped and are truncated at fixed seeds; reading them yields rows or a
 * QuiverException, nothing else, within a time bound, and leaks no Arrow memory.
 */
class ParquetCorruptionTest {
  private static final int SEEDS = 400;
  @TempDir
  static Path directory;
  private static final List<byte[]> FILES = new ArrayList<>();

  @BeforeAll
  static void writeFiles() throws Exception {
    String[] codecs = {"snappy", "gzip", "zstd", "brotli", "lz4", "uncompressed"};
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duck.createStatement()) {
      for (int i = 0; i < codecs.length; i++) {
        Path file = directory.resolve("valid_" + codecs[i] + ".parquet");
        statement.execute("COPY (SELECT i AS id, i % 7 AS small, CASE WHEN i % 5 = 0 THEN NULL"
            + " ELSE 'name ' || (i % 13) END AS name, i * 0.5 AS half,"
            + " CAST(i AS DECIMAL(12, 2)) AS amount, DATE '2020-01-01' + CAST(i AS INTEGER) AS day,"
            + " i % 3 = 0 AS flag, CASE WHEN i % 4 = 0 THEN NULL ELSE {'a': i, 'b': 'x' || i}"
            + " END AS st FROM range(300) t(i)) TO '" + file + "' (FORMAT parquet,"
            + " COMPRESSION " + codecs[i] + ", ROW_GROUP_SIZE 100"
            + (i % 2 == 0 ? ", PARQUET_VERSION v2" : "") + ")");
        FILES.add(Files.readAllBytes(file));
      }
      for (String version : List.of("v1", "v2")) {
        Path file = directory.resolve("nested_" + version + ".parquet");
        statement.execute("COPY (SELECT i AS id, CASE WHEN i % 7 = 0 THEN NULL ELSE"
            + " [i, NULL, i * 2] END AS l, [{'a': i, 'b': ['x' || i]}, NULL] AS ls,"
            + " MAP {'k' || (i % 3): [i]} AS m, [[i], [], NULL] AS ll FROM range(300) t(i))"
            + " TO '" + file + "' (FORMAT parquet, ROW_GROUP_SIZE 100, PARQUET_VERSION "
            + version + ")");
        FILES.add(Files.readAllBytes(file));
      }
    }
    Path corpus = ParquetConformanceTest.dataDirectory();
    for (String name : List.of("delta_encoding_optional_column.parquet",
        "byte_stream_split.zstd.parquet", "rle_boolean_encoding.parquet",
        "hadoop_lz4_compressed.parquet", "alltypes_dictionary.parquet",
        "nested_lists.snappy.parquet", "nested_maps.snappy.parquet", "nullable.impala.parquet",
        "repeated_no_annotation.parquet", "old_list_structure.parquet")) {
      Path file = corpus.resolve(name);
      if (Files.isRegularFile(file)) {
        FILES.add(Files.readAllBytes(file));
      }
    }
  }

  static Stream<Integer> seeds() {
    return IntStream.range(0, SEEDS).boxed();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void corruptFilesFailOnlyWithQuiverExceptions(int seed) throws Exception {
    Random random = new Random(seed * 7919L + 17);
    byte[] bytes = FILES.get(seed % FILES.size()).clone();
    int length = bytes.length;
    int mode = seed % 4;
    if (mode == 0 || mode == 3) {
      length = 1 + random.nextInt(bytes.length - 1);
    }
    if (mode != 0) {
      int flips = 1 + random.nextInt(8);
      for (int f = 0; f < flips; f++) {
        // Half the flips land in the footer area, where headers and offsets live.
        int at = random.nextBoolean() ? random.nextInt(length)
            : Math.max(0, length - 1 - random.nextInt(Math.max(1, length / 8)));
        bytes[at] ^= (byte) (1 + random.nextInt(255));
      }
    }
    Path file = directory.resolve("corrupt_" + seed + ".parquet");
    Files.write(file, java.util.Arrays.copyOf(bytes, length));
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> readAll(file));
  }

  private static void readAll(Path file) {
    ParquetFormat format = new ParquetFormat();
    try (RootAllocator allocator = new RootAllocator()) {
      try {
        Schema schema = format.schema(file, null);
        List<Field> fields = schema.getFields();
        int[] projection = IntStream.range(0, fields.size()).toArray();
        try (TableScan scan = format.scan(file, schema, ScanRequest.of(projection, 64), null,
            allocator)) {
          VectorSchemaRoot batch;
          while ((batch = scan.next()) != null) {
            batch.close();
          }
        }
      } catch (QuiverException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
  }
}
