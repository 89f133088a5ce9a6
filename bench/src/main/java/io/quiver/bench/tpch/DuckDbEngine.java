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
 * DuckDB under measurement with one thread count ({@code duckdb-t<N>}). The runs of every
 * thread count share one in-memory database, loaded once through the Appender from the same
 * Arrow files Quiver reads (or views over {@code read_parquet} with {@code --format parquet});
 * {@code SET threads = N} is issued before a run whenever the count changes. A query past its
 * time limit is cancelled with {@link Statement#cancel()}.
 */
final class DuckDbEngine implements BenchmarkEngine {
  private static final Duration GRACE = Duration.ofSeconds(10);

  /** The database the thread counts share. */
  private static final class Database {
    final Connection connection;
    int threads = -1;
    boolean loaded;
    int users;

    Database() throws SQLException {
      connection = DriverManager.getConnection("jdbc:duckdb:");
    }

    void threads(int count) throws SQLException {
      if (threads != count) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("SET threads = " + count);
        }
        threads = count;
      }
    }
  }

  private final int threads;
  private final Database database;
  private final QueryWorker worker;
  private TpchDataSource data;

  /** DuckDB with {@code threads} threads in a database of its own. */
  DuckDbEngine(int threads) throws SQLException {
    this(threads, new Database());
  }

  /** DuckDB with {@code threads} threads over the database of {@code sibling}. */
  DuckDbEngine(int threads, DuckDbEngine sibling) throws SQLException {
    this(threads, sibling.database);
  }

  private DuckDbEngine(int threads, Database database) throws SQLException {
    this.threads = threads;
    this.database = database;
    this.worker = new QueryWorker(name() + "-query");
    database.users++;
    database.threads(threads);
  }

  @Override
  public String name() {
    return BenchmarkOptions.duckDbName(threads);
  }

  @Override
  public void load(TpchDataSource data) throws Exception {
    this.data = data;
    if (database.loaded) {
      return;
    }
    if (data.format() == BenchmarkOptions.Format.PARQUET) {
      TpchFileCache files = data.requireFiles("--format parquet");
      try (Statement statement = database.connection.createStatement()) {
        for (String table : data.arrow().tableNames()) {
          statement.execute("CREATE VIEW " + table + " AS SELECT * FROM read_parquet("
              + TpchFileCache.literal(files.parquet(table)) + ")");
        }
      }
    } else {
      try (BufferAllocator allocator = new RootAllocator()) {
        for (String table : data.arrow().tableNames()) {
          try (ArrowFileReader reader = data.arrow().open(table, allocator)) {
            DuckDbTpchLoader.load(database.connection, table, reader);
          }
        }
      }
    }
    database.loaded = true;
  }

  @Override
  public String sql(BenchmarkQuery query) {
    return switch (query.kind()) {
      case TPCH -> query.tpch().sql();
      case SCAN_PARQUET -> BenchmarkQuery.scanSql("read_parquet(" + TpchFileCache.literal(
          data.requireFiles(query.name()).parquet("lineitem")) + ")");
      case SCAN_CSV -> BenchmarkQuery.scanSql("read_csv(" + TpchFileCache.literal(
          data.requireFiles(query.name()).csv("lineitem")) + ")");
    };
  }

  @Override
  public List<List<Object>> run(String sql, Duration timeout) throws Exception {
    database.threads(threads);
    try (Statement statement = database.connection.createStatement()) {
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
    String version;
    try {
      version = String.valueOf(DuckDbQueryRunner.rows(database.connection, "select version()")
          .get(0).get(0));
    } catch (SQLException e) {
      version = "unknown (" + e.getMessage() + ")";
    }
    return "DuckDB " + version + " (JDBC), threads " + threads;
  }

  @Override
  public void close() throws SQLException {
    worker.close();
    database.users--;
    if (database.users == 0) {
      database.connection.close();
    }
  }
}
