package io.quiver.engine.source.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.SessionTestBase;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** read_parquet's own options through SQL: accepted values, refused values, wrong types. */
class ParquetOptionsTest extends SessionTestBase {
  @TempDir
  Path directory;
  private Path file;

  @BeforeEach
  void open() throws Exception {
    file = directory.resolve("o.parquet");
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duck.createStatement()) {
      statement.execute("COPY (SELECT i AS id FROM range(0, 10) t(i)) TO '" + file
          + "' (FORMAT parquet, ROW_GROUP_SIZE 4)");
    }
  }

  private String query(String options) {
    return "SELECT COUNT(*), SUM(id) FROM read_parquet('" + file + "', '" + options
        + "') WHERE id >= 5";
  }

  private List<List<Object>> rowsWith(String options) {
    return rows(query(options));
  }

  private QuiverException failureWith(String options) {
    return failure(query(options));
  }

  @Test
  void acceptedOptionsGiveTheSameAnswer() {
    List<List<Object>> expected = List.of(List.of(5L, 35L));
    assertThat(rowsWith("{}")).isEqualTo(expected);
    assertThat(rowsWith("{\"parquet_pruning\": false}")).isEqualTo(expected);
    assertThat(rowsWith("{\"batch_size\": 3}")).isEqualTo(expected);
    assertThat(rowsWith("{\"skip_metadata\": true}")).isEqualTo(expected);
  }

  @Test
  void skipMetadataFalseIsRefusedWithTheReason() {
    QuiverException error = failureWith("{\"skip_metadata\": false}");
    assertThat(error.kind()).isEqualTo(ErrorKind.UNSUPPORTED);
    assertThat(error.getMessage()).contains("skip_metadata=false", "Parquet schema");
  }

  @Test
  void wrongTypesAndUnknownKeysAreDataErrors() {
    QuiverException type = failureWith("{\"skip_metadata\": \"yes\"}");
    assertThat(type.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(type.getMessage()).contains("'skip_metadata'", "boolean");
    QuiverException batch = failureWith("{\"batch_size\": [1]}");
    assertThat(batch.getMessage()).contains("'batch_size'");
    QuiverException unknown = failureWith("{\"has_header\": true}");
    assertThat(unknown.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(unknown.getMessage()).contains("unknown option 'has_header'", "skip_metadata",
        "parquet_pruning");
  }
}
