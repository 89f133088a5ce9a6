package io.quiver.bench.tpch;

import io.quiver.engine.tpch.TpchSchema;
import io.quiver.engine.tpch.TpchSchema.ColumnType;
import io.trino.tpch.TpchTable;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * H2 in memory ({@code jdbc:h2:mem:}), loaded row by row from the Arrow cache with batched
 * inserts, with the TPC-H primary keys and indexes on the foreign keys (without them its
 * nested-loop joins do not finish even at SF 0.01), and without its reuse of a repeated query's
 * earlier result ({@code SET OPTIMIZE_REUSE_RESULTS 0}), which would time a cache lookup. It reads no Parquet; the CSV scan query reads
 * {@code lineitem.csv} with {@code CSVREAD}. A query past its time limit is cancelled
 * ({@link Statement#cancel()}), and stopped by force if it ignores that.
 */
final class H2Engine implements BenchmarkEngine {
  private static final Duration GRACE = Duration.ofSeconds(10);
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final int INSERT_BATCH = 10_000;

  private static final List<String> INDEXES = List.of(
      "ALTER TABLE part ADD PRIMARY KEY (p_partkey)",
      "ALTER TABLE supplier ADD PRIMARY KEY (s_suppkey)",
      "ALTER TABLE partsupp ADD PRIMARY KEY (ps_partkey, ps_suppkey)",
      "ALTER TABLE customer ADD PRIMARY KEY (c_custkey)",
      "ALTER TABLE orders ADD PRIMARY KEY (o_orderkey)",
      "ALTER TABLE lineitem ADD PRIMARY KEY (l_orderkey, l_linenumber)",
      "ALTER TABLE nation ADD PRIMARY KEY (n_nationkey)",
      "ALTER TABLE region ADD PRIMARY KEY (r_regionkey)",
      "CREATE INDEX ps_suppkey_index ON partsupp (ps_suppkey)",
      "CREATE INDEX s_nationkey_index ON supplier (s_nationkey)",
      "CREATE INDEX c_nationkey_index ON customer (c_nationkey)",
      "CREATE INDEX o_custkey_index ON orders (o_custkey)",
      "CREATE INDEX l_partkey_index ON lineitem (l_partkey, l_suppkey)",
      "CREATE INDEX l_suppkey_index ON lineitem (l_suppkey)",
      "CREATE INDEX n_regionkey_index ON nation (n_regionkey)");

  private final Connection connection;
  private final QueryWorker worker = new QueryWorker("h2-query");
  private TpchDataSource data;
  private long rows;
  private int forcedStops;

  H2Engine() throws SQLException {
    connection = DriverManager.getConnection("jdbc:h2:mem:quiver-bench-"
        + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=0", "sa", "");
    try (Statement statement = connection.createStatement()) {
      // H2 would otherwise answer a repeated query from the previous run's result.
      statement.execute("SET OPTIMIZE_REUSE_RESULTS 0");
    }
  }

  @Override
  public String name() {
    return BenchmarkOptions.H2;
  }

  @Override
  public void load(TpchDataSource data) throws Exception {
    this.data = data;
    if (data.format() != BenchmarkOptions.Format.MEMORY) {
      return;
    }
    try (BufferAllocator allocator = new RootAllocator();
        Statement statement = connection.createStatement()) {
      for (TpchTable<?> table : TpchSchema.tables()) {
        statement.execute(TpchSchema.createTableSql(table));
        List<ColumnType> types = TpchSchema.columnTypes(table);
        String marks = "?" + ",?".repeat(types.size() - 1);
        List<Object[]> tableRows = ArrowRows.read(data.arrow(), table.getTableName(), allocator);
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO "
            + table.getTableName() + " VALUES (" + marks + ")")) {
          int pending = 0;
          for (Object[] row : tableRows) {
            for (int column = 0; column < row.length; column++) {
              bind(insert, column + 1, types.get(column), row[column]);
            }
            insert.addBatch();
            if (++pending == INSERT_BATCH) {
              insert.executeBatch();
              pending = 0;
            }
          }
          insert.executeBatch();
        }
        connection.commit();
        connection.setAutoCommit(true);
        rows += tableRows.size();
      }
      for (String index : INDEXES) {
        statement.execute(index);
      }
      statement.execute("ANALYZE");
    }
  }

  private static void bind(PreparedStatement insert, int index, ColumnType type, Object value)
      throws SQLException {
    switch (type) {
      case INTEGER -> insert.setInt(index, (Integer) value);
      case BIGINT -> insert.setLong(index, (Long) value);
      case DECIMAL -> insert.setBigDecimal(index, (BigDecimal) value);
      case DATE -> insert.setObject(index, LocalDate.ofEpochDay((Integer) value));
      case VARCHAR -> insert.setString(index, (String) value);
    }
  }

  @Override
  public String sql(BenchmarkQuery query) throws UnsupportedQueryException {
    return switch (query.kind()) {
      case TPCH -> {
        if (data.format() != BenchmarkOptions.Format.MEMORY) {
          throw new UnsupportedQueryException("H2 reads no Parquet: it runs only with"
              + " --format memory");
        }
        yield query.tpch().sql();
      }
      case SCAN_PARQUET -> throw new UnsupportedQueryException("H2 reads no Parquet");
      // CSVREAD gives every column as text.
      case SCAN_CSV -> "SELECT sum(CAST(l_extendedprice AS DECIMAL(15,2))), count(*) FROM CSVREAD("
          + TpchFileCache.literal(data.requireFiles(query.name()).csv("lineitem")) + ")";
    };
  }

  @Override
  public List<List<Object>> run(String sql, Duration timeout) throws Exception {
    try (Statement statement = connection.createStatement()) {
      try {
        return worker.call(() -> JdbcRows.rows(statement, sql), timeout);
      } catch (QueryWorker.TimedOut timedOut) {
        statement.cancel();
        if (!timedOut.awaitEnd(GRACE)) {
          if (worker.forceStop()) {
            forcedStops++;
          }
          throw new IllegalStateException("H2 did not stop within " + GRACE.toSeconds()
              + " s of being cancelled", timedOut);
        }
        throw new QueryTimeoutException(name(), timeout);
      }
    }
  }

  @Override
  public String describe() {
    return "H2 " + org.h2.engine.Constants.FULL_VERSION + " in memory, " + rows
        + " rows, primary keys and foreign-key indexes" + (forcedStops > 0
            ? ", queries stopped by force " + forcedStops : "");
  }

  @Override
  public void close() throws SQLException {
    worker.close();
    connection.close();
  }
}
