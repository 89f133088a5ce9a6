package io.quiver.bench.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Generated data for the decoding and parsing benchmarks, written by DuckDB into a temporary
 * directory (deleted by {@link #deleteDirectory}). One table {@code g} of {@code rows} rows,
 * deterministic (hashes of the row number), one column per kind of encoding DuckDB picks:
 * <ul>
 *   <li>{@code plain_long} BIGINT, high cardinality: PLAIN (V1) or DELTA_BINARY_PACKED (V2);</li>
 *   <li>{@code dict_int} INTEGER, 100 distinct values: dictionary;</li>
 *   <li>{@code plain_double} DOUBLE, high cardinality: PLAIN (V1) or BYTE_STREAM_SPLIT (V2);</li>
 *   <li>{@code plain_string} VARCHAR, high cardinality: PLAIN (V1) or DELTA_LENGTH_BYTE_ARRAY
 *       (V2);</li>
 *   <li>{@code dict_string} VARCHAR, 50 distinct values: dictionary.</li>
 * </ul>
 */
public final class GeneratedFiles {
  /** The columns of {@code g}. */
  public static final String[] COLUMNS = {
      "plain_long", "dict_int", "plain_double", "plain_string", "dict_string"};

  private GeneratedFiles() {}

  private static final String TABLE = "SELECT"
      + " (hash(i) % 1000000000000)::BIGINT AS plain_long,"
      + " (hash(i + 7) % 100)::INTEGER AS dict_int,"
      + " (hash(i + 13) % 100000000) / 100.0 AS plain_double,"
      + " 'value-' || (hash(i + 17) % 100000000)::VARCHAR AS plain_string,"
      + " 'category-' || (hash(i + 23) % 50)::VARCHAR AS dict_string"
      + " FROM range(ROWS) t(i)";

  /**
   * Writes {@code g} as Parquet with {@code codec} (uncompressed, snappy, zstd, gzip) and
   * {@code version} (V1 or V2) to {@code file}.
   */
  public static void writeParquet(Path file, long rows, String codec, String version) {
    run("COPY (" + TABLE.replace("ROWS", Long.toString(rows)) + ") TO '" + TpchFiles.sqlPath(file)
        + "' (FORMAT parquet, COMPRESSION " + codec + ", PARQUET_VERSION " + version + ")");
  }

  /** Writes {@code g} as CSV with a header to {@code file}. */
  public static void writeCsv(Path file, long rows) {
    run("COPY (" + TABLE.replace("ROWS", Long.toString(rows)) + ") TO '" + TpchFiles.sqlPath(file)
        + "' (FORMAT csv, HEADER true)");
  }

  private static void run(String sql) {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB failed: " + sql, e);
    }
  }

  public static Path createDirectory() {
    try {
      return Files.createTempDirectory("quiver-bench-source");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Closes a benchmark's runner (if it was created) and deletes its generated files. */
  public static void release(QueryRunner runner, Path directory) {
    try {
      if (runner != null) {
        runner.close();
      }
    } finally {
      deleteDirectory(directory);
    }
  }

  public static void deleteDirectory(Path directory) {
    if (directory == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
