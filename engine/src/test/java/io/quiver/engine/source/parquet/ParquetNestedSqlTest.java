package io.quiver.engine.source.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quiver.engine.source.DuckDbParquet;
import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverSession;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nested Parquet columns through SQL: {@code SELECT *} and projections of nested columns over
 * {@code read_parquet} return Arrow List, Map and Struct vectors (pass-through: the engine does
 * not compute on them yet), which render as rows, CSV and tables; the session's allocator is
 * empty afterwards.
 */
class ParquetNestedSqlTest {
  @TempDir
  Path directory;

  private String write(String name, String select) throws Exception {
    return DuckDbParquet.write(directory.resolve(name), select, "").toString()
        .replace("'", "''");
  }

  private static Map<Object, Object> map(Object... keysAndValues) {
    Map<Object, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      out.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return out;
  }

  @Test
  void selectStarAndProjectionsPassNestedColumnsThrough() throws Exception {
    String path = write("nested.parquet", "SELECT i AS id, CASE WHEN i = 1 THEN NULL ELSE"
        + " [i, NULL] END AS l, MAP {'k' || i: i * 10} AS m, {'x': [i], 'y': 'v' || i} AS s,"
        + " [[i], []] AS ll FROM range(3) t(i)");
    try (QuiverSession session = QuiverSession.builder().batchSize(2).build()) {
      try (QueryResult result = session.sql("SELECT * FROM read_parquet('" + path + "')")) {
        assertThat(result.schema().findField("l").getType()).isEqualTo(ArrowType.List.INSTANCE);
        assertThat(result.schema().findField("m").getType()).isInstanceOf(ArrowType.Map.class);
        assertThat(result.schema().findField("s").getType())
            .isEqualTo(ArrowType.Struct.INSTANCE);
        List<List<Object>> rows = result.toRows();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsExactly(0L, Arrays.asList(0L, null), map("k0", 0L),
            map("x", List.of(0L), "y", "v0"), List.of(List.of(0L), List.of()));
        assertThat(rows.get(1).get(1)).isNull();
      }
      try (QueryResult result = session.sql("SELECT * FROM read_parquet('" + path + "')")) {
        assertThat(result.loadNextBatch()).isTrue();
        assertThat(result.getVectorSchemaRoot().getVector("l")).isInstanceOf(ListVector.class);
        assertThat(result.getVectorSchemaRoot().getVector("m")).isInstanceOf(MapVector.class);
        assertThat(result.getVectorSchemaRoot().getVector("s")).isInstanceOf(StructVector.class);
      }
      try (QueryResult result = session.sql("SELECT m, id FROM read_parquet('" + path
          + "') LIMIT 2")) {
        assertThat(result.toCsv()).isEqualTo("m,id\n{k0=0},0\n{k1=10},1\n");
      }
      try (QueryResult result = session.sql("SELECT s, l, ll FROM read_parquet('" + path
          + "')")) {
        assertThat(result.toTable()).contains("| {x=[0], y=v0} | [0, NULL] | [[0], []] |")
            .contains("| {x=[1], y=v1} | NULL      | [[1], []] |");
      }
      assertThat(session.allocator().getAllocatedMemory()).isZero();
    }
  }

  @Test
  void filtersGatherTheSelectedRowsOfNestedColumns() throws Exception {
    String path = write("filter.parquet", "SELECT i AS id, CASE WHEN i = 3 THEN NULL ELSE"
        + " [i, NULL] END AS l, MAP {'k': [i]} AS m, {'a': i, 'b': ['x' || i]} AS s"
        + " FROM range(6) t(i)");
    try (QuiverSession session = QuiverSession.builder().batchSize(4).build()) {
      try (QueryResult result = session.sql("SELECT * FROM read_parquet('" + path
          + "') WHERE id % 2 = 1")) {
        List<List<Object>> rows = result.toRows();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsExactly(1L, Arrays.asList(1L, null),
            map("k", List.of(1L)), map("a", 1L, "b", List.of("x1")));
        assertThat(rows.get(1).get(1)).isNull();
        assertThat(rows.get(2).get(0)).isEqualTo(5L);
      }
      try (QueryResult result = session.sql("SELECT l, s FROM read_parquet('" + path
          + "') WHERE id >= 0")) {
        assertThat(result.toRows()).hasSize(6);
      }
      try (QueryResult result = session.sql("SELECT l FROM read_parquet('" + path
          + "') WHERE id > 100")) {
        assertThat(result.toRows()).isEmpty();
      }
      assertThat(session.allocator().getAllocatedMemory()).isZero();
    }
  }

  @Test
  void sortingRowsThatCarryNestedColumns() throws Exception {
    String path = write("sort.parquet", "SELECT i AS id, [i, NULL] AS l, MAP {'k': i} AS m,"
        + " {'a': [i]} AS s FROM range(5) t(i)");
    try (QuiverSession session = QuiverSession.builder().batchSize(2).build()) {
      try (QueryResult result = session.sql("SELECT * FROM read_parquet('" + path
          + "') ORDER BY id DESC")) {
        List<List<Object>> rows = result.toRows();
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).containsExactly(4L, Arrays.asList(4L, null), map("k", 4L),
            map("a", List.of(4L)));
      }
      assertThat(session.allocator().getAllocatedMemory()).isZero();
    }
  }

  @Test
  void computingOnNestedColumnsIsAClearUnsupportedError() throws Exception {
    String path = write("compute.parquet", "SELECT i AS id, [i] AS l FROM range(3) t(i)");
    try (QuiverSession session = QuiverSession.builder().build()) {
      try (QueryResult result = session.sql("SELECT l, id + 1, l[1] * 2 FROM read_parquet('"
          + path + "') ORDER BY id")) {
        assertThat(result.toRows()).containsExactly(List.of(List.of(0L), 1L, 0L),
            List.of(List.of(1L), 2L, 2L), List.of(List.of(2L), 3L, 4L));
      }
      QuiverException error = catchThrowableOfType(QuiverException.class, () -> {
        try (QueryResult result = session.sql("SELECT CASE WHEN id > 0 THEN l END FROM"
            + " read_parquet('" + path + "')")) {
          result.toRows();
        }
      });
      assertThat(error.kind()).isEqualTo(ErrorKind.UNSUPPORTED);
      assertThat(error.getMessage()).contains("ARRAY");
      assertThat(session.allocator().getAllocatedMemory()).isZero();
    }
  }

  @Test
  void deltaCheckpointThroughReadParquet() throws Exception {
    Path checkpoint = Path.of(System.getProperty("quiver.conformance.dir",
        "../shared/conformance")).resolve("delta-golden").resolve("checkpoint")
        .resolve("_delta_log").resolve("00000000000000000010.checkpoint.parquet");
    // In CI the corpus is always there: its absence is a failure, not a skip.
    org.junit.jupiter.api.Assertions.assertFalse("true".equals(System.getenv("CI"))
        && !java.nio.file.Files.isRegularFile(checkpoint), "CI=true but the Delta golden"
        + " checkpoint is missing at " + checkpoint.toAbsolutePath());
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(checkpoint),
        "Delta golden tables not found (set -Dquiver.conformance.dir)");
    long expected;
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duck.createStatement();
        java.sql.ResultSet count = statement.executeQuery("SELECT count(*) FROM read_parquet('"
            + checkpoint + "')")) {
      count.next();
      expected = count.getLong(1);
    }
    try (QuiverSession session = QuiverSession.builder().build()) {
      try (QueryResult result = session.sql("SELECT * FROM read_parquet('"
          + checkpoint.toString().replace("'", "''") + "')")) {
        assertThat(result.toRows()).hasSize((int) expected);
      }
      assertThat(session.allocator().getAllocatedMemory()).isZero();
    }
  }
}
