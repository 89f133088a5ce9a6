package io.quiver.engine.tpch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Loads TPC-H tables into DuckDB through its Appender, from the very Arrow batches Quiver gets:
 * the same values, no text parsing in between. Tables are created with {@link TpchSchema}'s
 * types ({@code DECIMAL(15,2)}, {@code DATE}, {@code INTEGER}/{@code BIGINT}, {@code VARCHAR},
 * all NOT NULL).
 */
public final class DuckDbTpchLoader {
  private DuckDbTpchLoader() {}

  /** Creates and fills every table of {@code data}. */
  public static void load(Connection connection, TpchDataSet data) throws SQLException {
    for (String table : data.tableNames()) {
      load(connection, table, data.batches(table));
    }
  }

  /** Creates table {@code name} (a TPC-H table name) and appends {@code batches}. */
  public static void load(Connection connection, String name, List<VectorSchemaRoot> batches)
      throws SQLException {
    createTable(connection, name);
    try (DuckDBAppender appender = appender(connection, name)) {
      for (VectorSchemaRoot batch : batches) {
        append(appender, batch);
      }
    }
  }

  /** Creates table {@code name} and appends every batch of {@code reader} (the caller closes it). */
  public static void load(Connection connection, String name, ArrowReader reader)
      throws SQLException {
    createTable(connection, name);
    try (DuckDBAppender appender = appender(connection, name)) {
      VectorSchemaRoot batch = reader.getVectorSchemaRoot();
      while (reader.loadNextBatch()) {
        append(appender, batch);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading table " + name + " for DuckDB", e);
    }
  }

  private static void createTable(Connection connection, String name) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(TpchSchema.createTableSql(TpchSchema.table(name)));
    }
  }

  private static DuckDBAppender appender(Connection connection, String name)
      throws SQLException {
    return connection.unwrap(DuckDBConnection.class)
        .createAppender(DuckDBConnection.DEFAULT_SCHEMA, name);
  }

  private static void append(DuckDBAppender appender, VectorSchemaRoot batch)
      throws SQLException {
    List<FieldVector> vectors = batch.getFieldVectors();
    int columns = vectors.size();
    int rows = batch.getRowCount();
    for (int row = 0; row < rows; row++) {
      appender.beginRow();
      for (int column = 0; column < columns; column++) {
        FieldVector vector = vectors.get(column);
        if (vector instanceof IntVector ints) {
          appender.append(ints.get(row));
        } else if (vector instanceof BigIntVector longs) {
          appender.append(longs.get(row));
        } else if (vector instanceof DecimalVector decimals) {
          // DECIMAL(15,2) fits in the low 64 bits of the 128-bit little-endian value.
          appender.appendDecimal(decimals.getDataBuffer()
              .getLong((long) row * DecimalVector.TYPE_WIDTH));
        } else if (vector instanceof DateDayVector dates) {
          appender.appendEpochDays(dates.get(row));
        } else if (vector instanceof VarCharVector text) {
          appender.append(new String(text.get(row), StandardCharsets.UTF_8));
        } else {
          throw new IllegalArgumentException("cannot append " + vector.getField().getType()
              + " column " + vector.getName() + " to DuckDB");
        }
      }
      appender.endRow();
    }
  }
}
