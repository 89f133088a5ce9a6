package io.quiver.bench.tpch;

import io.quiver.engine.tpch.DuckDbQueryRunner;
import io.quiver.engine.tpch.DuckDbTpchLoader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;

/**
 * DuckDB under measurement: an in-memory database with {@code SET threads = N}, loaded through
 * the Appender from the same Arrow files Quiver reads. A query past its time limit is
 * cancelled with {@link Statement#cancel()}.
 */
final class DuckDbEngine implements BenchmarkEngine {
  private static final Duration GRACE = Duration.ofSeconds(10);

  private final int threads;
  private final Connection connection;
  private final QueryWorker worker = new QueryWorker("duckdb-query");

  DuckDbEngine(int threads) throws SQLException {
    this.threads = threads;
    this.connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET threads = " + threads);
    }
  }

  @Override
  public String name() {
    return BenchmarkOptions.DUCKDB;
  }

  @Override
  public void load(TpchDataCache cache) throws Exception {
    try (BufferAllocator allocator = new RootAllocator()) {
      for (String table : cache.tableNames()) {
        try (ArrowFileReader reader = cache.open(table, allocator)) {
          DuckDbTpchLoader.load(connection, table, reader);
        }
      }
    }
  }

  @Override
  public List<List<Object>> run(String sql, Duration timeout) throws Exception {
    try (Statement statement = connection.createStatement()) {
      try {
        return worker.call(() -> DuckDbQueryRunner.rows(statement, sql), timeout);
      } catch (QueryWorker.TimedOut timedOut) {
        statement.cancel();
        if (!timedOut.awaitEnd(GRACE)) {
          throw new IllegalStateException("DuckDB did not stop within " + GRACE.toSeconds()
              + " s of being cancelled", timedOut);
        }
        throw new QueryTimeoutException(name(), timeout);
      }
    }
  }

  @Override
  public String describe() {
    String version = "?";
    try {
      version = String.valueOf(DuckDbQueryRunner.rows(connection, "select version()").get(0)
          .get(0));
    } catch (SQLException e) {
      version = "unknown (" + e.getMessage() + ")";
    }
    return "DuckDB " + version + ", threads " + threads;
  }

  @Override
  public void close() throws SQLException {
    worker.close();
    connection.close();
  }
}
