package io.quiver.engine.source.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.udf.function.ScanRequest;
import io.quiver.udf.function.TableScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Delta Lake checkpoints are nested Parquet files (structs of maps, lists and structs): every
 * {@code *.checkpoint*.parquet} of the Delta golden tables reads without error through
 * ParquetFormat, with DuckDB's row count, and with DuckDB's values of every column (compared
 * as the conformance test does), {@code add.path} and {@code add.partitionValues} included.
 */
class ParquetDeltaCheckpointTest {

  private static Path goldenDirectory() {
    String base = System.getProperty("quiver.conformance.dir", "../shared/conformance");
    return Path.of(base).resolve("delta-golden");
  }

  @Test
  void everyCheckpointReadsAndMatchesDuckDb() throws Exception {
    Path golden = goldenDirectory();
    Assertions.assertFalse("true".equals(System.getenv("CI")) && !Files.isDirectory(golden),
        "CI=true but the Delta golden tables are missing at " + golden.toAbsolutePath());
    Assumptions.assumeTrue(Files.isDirectory(golden),
        "Delta golden tables not found at " + golden.toAbsolutePath()
            + " (set -Dquiver.conformance.dir)");
    List<Path> checkpoints;
    try (Stream<Path> walk = Files.walk(golden)) {
      checkpoints = walk.filter(p -> p.getFileName().toString().matches(
          ".*\\.checkpoint.*\\.parquet")).sorted().collect(Collectors.toList());
    }
    assertThat(checkpoints).isNotEmpty();
    ParquetFormat format = new ParquetFormat();
    int addPaths = 0;
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement statement = duck.createStatement()) {
        statement.execute("SET threads=1");
        statement.execute("SET TimeZone='UTC'");
      }
      for (Path file : checkpoints) {
        String name = golden.relativize(file).toString();
        try (RootAllocator allocator = new RootAllocator()) {
          Schema schema = format.schema(file, null);
          List<List<Object>> rows = readAll(format, file, schema, allocator);
          assertThat(allocator.getAllocatedMemory()).as(name).isZero();
          try (Statement statement = duck.createStatement();
              ResultSet count = statement.executeQuery("SELECT count(*) FROM read_parquet('"
                  + file.toAbsolutePath() + "')")) {
            count.next();
            assertThat((long) rows.size()).as(name).isEqualTo(count.getLong(1));
          }
          List<List<Object>> expected = ParquetConformanceTest.duckRows(duck, file, schema);
          List<Field> leaves = ParquetConformanceTest.leaves(schema);
          for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < leaves.size(); c++) {
              Object quiver = rows.get(r).get(c);
              Object oracle = expected.get(r).get(c);
              assertThat(ParquetConformanceTest.same(quiver, oracle))
                  .as("%s row %d column %s: Quiver %s, DuckDB %s", name, r,
                      leaves.get(c).getName(), quiver, oracle)
                  .isTrue();
              if (leaves.get(c).getName().equals("\"add\".\"path\"") && quiver != null) {
                addPaths++;
              }
            }
          }
        }
      }
    }
    assertThat(addPaths).isPositive();
  }

  private static List<List<Object>> readAll(ParquetFormat format, Path file, Schema schema,
      RootAllocator allocator) {
    int[] projection = new int[schema.getFields().size()];
    for (int i = 0; i < projection.length; i++) {
      projection[i] = i;
    }
    List<List<Object>> rows = new ArrayList<>();
    try (TableScan scan = format.scan(file, schema, ScanRequest.of(projection, 7), null,
        allocator)) {
      VectorSchemaRoot batch;
      while ((batch = scan.next()) != null) {
        try (VectorSchemaRoot owned = batch) {
          if (owned.getSchema().getFields().stream().anyMatch(f -> f.getName().equals("add"))) {
            assertThat(owned.getVector("add")).isInstanceOf(StructVector.class);
          }
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
}
