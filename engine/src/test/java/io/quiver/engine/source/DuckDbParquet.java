package io.quiver.engine.source;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Parquet test files written by DuckDB (a test-scope dependency) from a SELECT. */
public final class DuckDbParquet {
  private DuckDbParquet() {}

  /**
   * Writes the rows of {@code select} to {@code file}; {@code options} is appended to DuckDB's
   * COPY options after {@code FORMAT parquet} (e.g. {@code ", COMPRESSION zstd"}, or empty).
   */
  public static Path write(Path file, String select, String options) throws SQLException {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duck.createStatement()) {
      statement.execute("COPY (" + select + ") TO '" + file.toString().replace("'", "''")
          + "' (FORMAT parquet" + options + ")");
    }
    return file;
  }
}
