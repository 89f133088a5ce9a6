package io.quiver.bench.tpch;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JDBC result (Calcite's, H2's) into the Java values Quiver's
 * {@code QueryResult.toRows()} and the DuckDB oracle use: Integer, Long, BigDecimal, Double,
 * String, LocalDate.
 */
final class JdbcRows {
  private JdbcRows() {}

  /** Runs {@code sql} on {@code statement} and reads every row. */
  static List<List<Object>> rows(Statement statement, String sql) throws SQLException {
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
          row.add(value(result, i + 1, types[i]));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static Object value(ResultSet result, int column, int type) throws SQLException {
    if (type == Types.DATE) {
      java.sql.Date date = result.getDate(column);
      return date == null ? null : date.toLocalDate();
    }
    Object value = result.getObject(column);
    if (value instanceof BigInteger big) {
      return big.bitLength() < 64 ? (Object) big.longValue() : new BigDecimal(big);
    }
    if (value instanceof Short small) {
      return (int) small;
    }
    if (value instanceof Byte tiny) {
      return (int) tiny;
    }
    if (value instanceof Float single) {
      return (double) single;
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
