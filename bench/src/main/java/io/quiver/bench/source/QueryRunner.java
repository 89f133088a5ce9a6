package io.quiver.bench.source;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Runs SQL over file-backed views on one engine: Quiver (a session; views made with
 * {@link QuiverSession#registerFileTable}) or DuckDB (JDBC, in memory, {@code SET threads=1};
 * views over its own {@code read_parquet}/{@code read_csv}). Both see the same files under the
 * same view names, so the same statement runs on both. Results come back as rows of values
 * normalised for comparison: numbers as {@link BigDecimal}, everything else as text.
 */
public abstract class QueryRunner implements AutoCloseable {
  /** Creates a runner for {@code engine} ({@code quiver} or {@code duckdb}). */
  public static QueryRunner create(String engine, int batchSize) {
    switch (engine) {
      case "quiver":
        return new Quiver(batchSize);
      case "duckdb":
        return new DuckDb();
      default:
        throw new IllegalArgumentException("unknown engine " + engine + " (quiver or duckdb)");
    }
  }

  /** Makes {@code name} a view over {@code path} read by the engine's reader of {@code format}. */
  public abstract void registerFile(String name, String format, String path);

  /** Runs {@code sql} and returns every row, every value read. */
  public abstract List<List<Object>> rows(String sql);

  /** Runs {@code sql} and returns the rows read, reading only batch sizes (no values). */
  public abstract long count(String sql);

  /** The Quiver session's allocator, or null for DuckDB. */
  public BufferAllocator allocator() {
    return null;
  }

  @Override
  public abstract void close();

  /** A number folding every value of {@code rows}, so a benchmark's work cannot be skipped. */
  public static long checksum(List<List<Object>> rows) {
    long hash = rows.size();
    for (List<Object> row : rows) {
      for (Object value : row) {
        hash = hash * 31 + value.hashCode();
      }
    }
    return hash;
  }

  private static Object normalise(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Number number) {
      return new BigDecimal(number.toString());
    }
    return value.toString();
  }

  private static final class Quiver extends QueryRunner {
    private final QuiverSession session;

    Quiver(int batchSize) {
      session = QuiverSession.builder().batchSize(batchSize).build();
    }

    @Override
    public void registerFile(String name, String format, String path) {
      session.registerFileTable(name, format, path, null);
    }

    @Override
    public List<List<Object>> rows(String sql) {
      List<List<Object>> rows = new ArrayList<>();
      try (QueryResult result = session.sql(sql)) {
        VectorSchemaRoot root = result.getVectorSchemaRoot();
        while (result.loadNextBatch()) {
          List<FieldVector> vectors = root.getFieldVectors();
          for (int row = 0; row < root.getRowCount(); row++) {
            List<Object> values = new ArrayList<>(vectors.size());
            for (FieldVector vector : vectors) {
              values.add(normalise(vector.getObject(row)));
            }
            rows.add(values);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return rows;
    }

    @Override
    public long count(String sql) {
      long rows = 0;
      try (QueryResult result = session.sql(sql)) {
        while (result.loadNextBatch()) {
          rows += result.getVectorSchemaRoot().getRowCount();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return rows;
    }

    @Override
    public BufferAllocator allocator() {
      return session.allocator();
    }

    @Override
    public void close() {
      // Fails (Arrow's allocator check) if a result was left open.
      session.close();
    }
  }

  private static final class DuckDb extends QueryRunner {
    private final Connection connection;

    DuckDb() {
      try {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = connection.createStatement()) {
          statement.execute("SET threads=1");
        }
      } catch (SQLException e) {
        throw new IllegalStateException("DuckDB did not start", e);
      }
    }

    @Override
    public void registerFile(String name, String format, String path) {
      execute("CREATE OR REPLACE VIEW " + name + " AS SELECT * FROM read_" + format + "('"
          + path.replace("'", "''") + "')");
    }

    private void execute(String sql) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException("DuckDB failed: " + sql, e);
      }
    }

    @Override
    public List<List<Object>> rows(String sql) {
      List<List<Object>> rows = new ArrayList<>();
      try (Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery(sql)) {
        ResultSetMetaData metadata = result.getMetaData();
        int columns = metadata.getColumnCount();
        while (result.next()) {
          List<Object> values = new ArrayList<>(columns);
          for (int column = 1; column <= columns; column++) {
            values.add(normalise(result.getObject(column)));
          }
          rows.add(values);
        }
      } catch (SQLException e) {
        throw new IllegalStateException("DuckDB failed: " + sql, e);
      }
      return rows;
    }

    @Override
    public long count(String sql) {
      long rows = 0;
      try (Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery(sql)) {
        while (result.next()) {
          rows++;
        }
      } catch (SQLException e) {
        throw new IllegalStateException("DuckDB failed: " + sql, e);
      }
      return rows;
    }

    @Override
    public void close() {
      try {
        connection.close();
      } catch (SQLException e) {
        throw new IllegalStateException("closing DuckDB failed", e);
      }
    }
  }
}
