package io.quiver.bench.tpch;

import io.quiver.engine.tpch.DuckDbQueryRunner;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
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
    return DuckDbQueryRunner.rows(statement, sql, JdbcRows::value);
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
