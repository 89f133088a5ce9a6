package io.quiver.bench.tpch;

import io.quiver.engine.tpch.DuckDbTpchLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;

/**
 * The Parquet and CSV copies of one scale factor's Arrow cache, written once by DuckDB from the
 * Arrow files (so the values are the same): {@code sf<N>/parquet/<table>.parquet} (snappy,
 * DuckDB's default row groups) and {@code sf<N>/csv/<table>.csv} (header, comma, ISO dates).
 * Their own marker {@code FILES_COMPLETE} says they are finished; the Arrow cache's
 * {@code COMPLETE} marker is left as it is.
 */
public final class TpchFileCache {
  /** Written into {@code FILES_COMPLETE}; a change of layout or writer settings changes it. */
  static final String FORMAT = "quiver-tpch-files v1: parquet (duckdb, snappy), csv (duckdb, header)";

  private final TpchDataCache arrow;

  /** The Parquet and CSV copies of {@code arrow}. */
  public TpchFileCache(TpchDataCache arrow) {
    this.arrow = arrow;
  }

  private Path marker() {
    return arrow.directory().resolve("FILES_COMPLETE");
  }

  /** Whether both copies of every table are finished. */
  public boolean isComplete() throws IOException {
    return Files.isRegularFile(marker())
        && Files.readString(marker(), StandardCharsets.UTF_8).equals(FORMAT + "\n");
  }

  /** The Parquet file of table {@code name}. */
  public Path parquet(String name) {
    return arrow.directory().resolve("parquet").resolve(name + ".parquet");
  }

  /** The CSV file of table {@code name}. */
  public Path csv(String name) {
    return arrow.directory().resolve("csv").resolve(name + ".csv");
  }

  /** Writes the copies unless they are complete (the Arrow cache must be complete). */
  public void ensure(Consumer<String> progress) throws IOException, SQLException {
    if (isComplete()) {
      return;
    }
    if (!arrow.isComplete()) {
      throw new IllegalStateException("the Arrow cache " + arrow.directory() + " is not complete");
    }
    Files.deleteIfExists(marker());
    Files.createDirectories(parquet("x").getParent());
    Files.createDirectories(csv("x").getParent());
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        BufferAllocator allocator = new RootAllocator()) {
      for (String table : arrow.tableNames()) {
        long start = System.nanoTime();
        try (ArrowFileReader reader = arrow.open(table, allocator)) {
          DuckDbTpchLoader.load(connection, table, reader);
        }
        try (Statement statement = connection.createStatement()) {
          statement.execute("COPY " + table + " TO " + literal(parquet(table))
              + " (FORMAT parquet, COMPRESSION snappy)");
          statement.execute("COPY " + table + " TO " + literal(csv(table))
              + " (FORMAT csv, HEADER true, DELIMITER ',')");
          statement.execute("DROP TABLE " + table);
        }
        progress.accept(String.format("wrote %s.parquet and %s.csv in %.1f s", table, table,
            (System.nanoTime() - start) / 1e9));
      }
    }
    Files.writeString(marker(), FORMAT + "\n", StandardCharsets.UTF_8);
  }

  /** {@code path} as a SQL string literal. */
  static String literal(Path path) {
    return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
  }
}
