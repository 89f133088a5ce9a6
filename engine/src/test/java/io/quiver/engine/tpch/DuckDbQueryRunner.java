package io.quiver.engine.tpch;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a query on DuckDB (the oracle of the TPC-H tests and the peer of the benchmark) and
 * returns its rows as the Java values Quiver's {@code QueryResult.toRows()} uses: Integer and
 * Long (HUGEINT folded to Long when it fits), BigDecimal, Double, String, LocalDate.
 */
public final class DuckDbQueryRunner {
  private DuckDbQueryRunner() {}

  /** Runs {@code sql} with a fresh statement and reads every row. */
  public static List<List<Object>> rows(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      return rows(statement, sql);
    }
  }

  /**
   * Runs {@code sql} on {@code statement} and reads every row; another thread may
   * {@link Statement#cancel()} the statement to stop it.
   */
  public static List<List<Object>> rows(Statement statement, String sql) throws SQLException {
    return rows(statement, sql, DuckDbQueryRunner::value);
  }

  /** How one JDBC value becomes a Java value ({@code type} is its {@link Types} code). */
  @FunctionalInterface
  public interface ValueReader {
    Object read(ResultSet result, int column, int type) throws SQLException;
  }

  /**
   * Runs {@code sql} on {@code statement} and reads every row with {@code reader} (for other
   * JDBC engines, whose drivers return other classes).
   */
  public static List<List<Object>> rows(Statement statement, String sql, ValueReader reader)
      throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (ResultSet result = statement.executeQuery(sql)) {
      ResultSetMetaData meta = result.getMetaData();
      int columns = meta.getColumnCount();
      int[] types = new int[columns];
      for (int i = 0; i < columns; i++) {
        types[i] = meta.getColumnType(i + 1);
      }
      while (result.next()) {
        List<Object> row = new ArrayList<>(columns);
        for (int i = 0; i < columns; i++) {
          row.add(reader.read(result, i + 1, types[i]));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static Object value(ResultSet result, int column, int type) throws SQLException {
    if (type == Types.DATE) {
      return result.getObject(column, LocalDate.class);
    }
    Object value = result.getObject(column);
    if (value instanceof BigInteger big) {
      return big.bitLength() < 64 ? (Object) big.longValue() : new BigDecimal(big);
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate();
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toLocalDateTime();
    }
    return value;
  }
}
