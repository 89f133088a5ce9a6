package io.quiver.engine.function.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quiver.udf.error.ErrorKind;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs each built-in on the same edge-case tables in Quiver and in DuckDB (the reference
 * engine) and requires the same rows. Quiver reads the tables in batches of 3 rows. Where the
 * two differ by design (documented in the functions and engine/README.md), the inputs leave
 * the difference out and the unit tests pin Quiver's behaviour.
 */
class BuiltinDuckDbAgreementTest extends BuiltinSqlTestBase {
  private static final String[] STRINGS = {
      "", "a", "abc", "héllo", "€𝄞x", "  pad  ", " \t x \n ", "\u00A0nb\u3000", "e\u0301x",
      "👍🏽x", "🇫🇷🇩🇪🇮", "👨\u200D👩\u200D👧x", "a\r\nb", "xxaxx", "한국어", null,
      "\u1100\u1161\u11A8x", "ab😀", " ", "\u200Bx", "x\u0308\u0301y", "❤\uFE0F!", "a\u00AD",
      "नमस्ते", "क्षत्रिय", "ক্ষমা", "க்ஷ", "ﾊﾞｶ", "🏳\uFE0F\u200D🌈z"};

  private Connection duckdb;

  @BeforeEach
  void createTables() throws SQLException {
    duckdb = DriverManager.getConnection("jdbc:duckdb:");
    StringBuilder strings = new StringBuilder();
    for (int i = 0; i < STRINGS.length; i++) {
      strings.append(i > 0 ? ", " : "").append('(').append(i + 1).append(", ")
          .append(STRINGS[i] == null ? "NULL" : "'" + STRINGS[i] + "'").append(')');
    }
    both("CREATE TABLE strs AS SELECT i, CAST(s AS VARCHAR) AS s FROM (VALUES " + strings
        + ") AS v(i, s)");
    both("CREATE TABLE counts AS SELECT j, CAST(n AS INTEGER) AS n FROM (VALUES (1, -9),"
        + " (2, -3), (3, -1), (4, 0), (5, 1), (6, 2), (7, 3), (8, 7), (9, NULL)) AS v(j, n)");
    both("CREATE TABLE fills AS SELECT k, CAST(f AS VARCHAR) AS f FROM (VALUES (1, 'x'),"
        + " (2, 'xy'), (3, '€𝄞'), (4, ' '), (5, NULL), (6, 'e\u0301')) AS v(k, f)");
    both("CREATE TABLE doubles AS SELECT i, CAST(x AS DOUBLE) AS x FROM (VALUES (1, '4.9e-324'),"
        + " (2, '1e-10'), (3, '0.5'), (4, '1'), (5, '2.718281828459045'), (6, '10'),"
        + " (7, '1e308'), (8, 'inf'), (9, 'nan'), (10, NULL), (11, '123.456')) AS v(i, x)");
    both("CREATE TABLE signed AS SELECT i, CAST(x AS DOUBLE) AS x FROM (VALUES (1, '-1000'),"
        + " (2, '-745.2'), (3, '-1'), (4, '-0.0'), (5, '0'), (6, '0.5'), (7, '709.7'),"
        + " (8, '710'), (9, 'nan'), (10, '-inf'), (11, 'inf'), (12, NULL), (13, '1e-320'))"
        + " AS v(i, x)");
    both("CREATE TABLE mixed AS SELECT i, CAST(a AS INTEGER) AS a, CAST(b AS BIGINT) AS b,"
        + " CAST(c AS DOUBLE) AS c, CAST(d AS DECIMAL(5,2)) AS d FROM (VALUES"
        + " (1, 1, 10, '2.5', '1.25'), (2, -3, -30, '-0.5', '-2.50'), (3, 0, 0, '0.0', '0.00'),"
        + " (4, NULL, 7, NULL, '3.75'), (5, 5, NULL, '100', NULL), (6, 2, 2, 'nan', '0.01'),"
        + " (7, NULL, NULL, NULL, NULL), (8, -2147483648, 9223372036854775807, '-inf', '-999.99'),"
        + " (9, 2147483647, -9223372036854775808, '-0.0', '999.99')) AS v(i, a, b, c, d)");
  }

  @AfterEach
  void closeDuckDb() throws SQLException {
    duckdb.close();
  }

  private void both(String sql) throws SQLException {
    execute(sql);
    try (Statement statement = duckdb.createStatement()) {
      statement.execute(sql);
    }
  }

  private List<List<Object>> duckRows(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement statement = duckdb.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<Object> row = new ArrayList<>();
        for (int c = 1; c <= columns; c++) {
          row.add(result.getObject(c));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** The query gives the same rows in both engines. */
  private void agree(String sql) throws SQLException {
    agree(sql, sql);
  }

  /** The Quiver query gives the rows of the DuckDB query (same function, another name). */
  private void agree(String quiverSql, String duckSql) throws SQLException {
    List<List<Object>> expected = duckRows(duckSql);
    List<List<Object>> actual = rows(quiverSql);
    assertThat(actual).as(quiverSql).hasSameSizeAs(expected);
    for (int r = 0; r < expected.size(); r++) {
      List<Object> want = expected.get(r);
      List<Object> got = actual.get(r);
      for (int c = 0; c < want.size(); c++) {
        assertThat(same(got.get(c), want.get(c)))
            .as("%s: row %s, column %s: Quiver %s, DuckDB %s", quiverSql, got, c + 1,
                describe(got.get(c)), describe(want.get(c)))
            .isTrue();
      }
    }
  }

  private static String describe(Object value) {
    return value == null ? "NULL" : value.getClass().getSimpleName() + " " + value;
  }

  /** Equal values; numbers by value (decimals with the same scale, doubles within 2 ulps). */
  private static boolean same(Object quiver, Object duck) {
    if (quiver == null || duck == null) {
      return quiver == duck;
    }
    if (quiver instanceof Number a && duck instanceof Number b) {
      if (a instanceof Double || a instanceof Float || b instanceof Double
          || b instanceof Float) {
        double x = a.doubleValue();
        double y = b.doubleValue();
        return Double.compare(x, y) == 0 || x == y
            || Math.abs(x - y) <= 2 * Math.ulp(Math.max(Math.abs(x), Math.abs(y)));
      }
      if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
        return x.equals(y);
      }
      return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
    }
    return quiver.equals(duck);
  }

  @Test
  void reverseAgrees() throws SQLException {
    agree("SELECT i, reverse(s) FROM strs ORDER BY i");
  }

  @Test
  void repeatLeftAndRightAgree() throws SQLException {
    agree("SELECT i, j, repeat(s, n), left(s, n), right(s, n) FROM strs, counts"
        + " ORDER BY i, j");
  }

  @Test
  void padsAgree() throws SQLException {
    agree("SELECT i, j, k, lpad(s, n, f), rpad(s, n, f) FROM strs, counts, fills"
        + " ORDER BY i, j, k");
    agree("SELECT i, lpad(s, 2, ''), rpad(s, 0, '') FROM strs WHERE char_length(s) >= 2"
        + " ORDER BY i");
  }

  @Test
  void trimsAgree() throws SQLException {
    agree("SELECT i, ltrim(s), rtrim(s), btrim(s) FROM strs ORDER BY i",
        "SELECT i, ltrim(s), rtrim(s), trim(s) FROM strs ORDER BY i");
    agree("SELECT i, k, ltrim(s, f), rtrim(s, f), btrim(s, f), btrim(s, s) FROM strs, fills"
            + " ORDER BY i, k",
        "SELECT i, k, ltrim(s, f), rtrim(s, f), trim(s, f), trim(s, s) FROM strs, fills"
            + " ORDER BY i, k");
  }

  @Test
  void concatWsAgrees() throws SQLException {
    agree("SELECT i, k, concat_ws(f, s, s), concat_ws(',', f, NULL, s), concat_ws(s, f)"
        + " FROM strs, fills ORDER BY i, k");
  }

  @Test
  void logarithmsAndExpAgree() throws SQLException {
    agree("SELECT i, ln(x), log10(x), exp(x) FROM doubles ORDER BY i");
    agree("SELECT i, exp(x), sign(x) FROM signed ORDER BY i");
    agree("SELECT ln(2), log10(2), exp(2), ln(2.5), log10(CAST(1000 AS BIGINT))");
  }

  @Test
  void signAgrees() throws SQLException {
    agree("SELECT i, sign(a), sign(b), sign(c), sign(d) FROM mixed ORDER BY i");
    agree("SELECT sign(-5), sign(2.5), sign(0.0), sign(CAST(-3 AS SMALLINT)), sign(NULL)");
  }

  @Test
  void greatestAndLeastAgree() throws SQLException {
    agree("SELECT i, greatest(a, b), least(a, b), greatest(a, d), least(d, a),"
        + " greatest(c, a), least(c, a), greatest(b, d, c), least(b, d, c),"
        + " greatest(a, NULL, b), least(d, d) FROM mixed ORDER BY i");
    agree("SELECT greatest(1, 2.5), least(1, 2.5), greatest(1, NULL, 3), least(2, 1),"
        + " greatest(1.25, 3.5), greatest(CAST(1.5 AS REAL), 2)");
  }

  @Test
  void invalidInputFailsInBothEngines() throws SQLException {
    String[] failing = {"ln(0)", "ln(-1)", "log10(0)", "log10(-2.5)", "ln(CAST('-0.0' AS DOUBLE))",
        "lpad('hi', 5, '')", "rpad('', 1, '')", "repeat('abc', 2000000000000)"};
    for (String expression : failing) {
      failure("SELECT " + expression, ErrorKind.DATA);
      Throwable duckError = catchThrowable(() -> duckRows("SELECT " + expression));
      assertThat(duckError).as("DuckDB: %s", expression).isInstanceOf(SQLException.class);
    }
    failure("SELECT ln(x - 1) FROM doubles", ErrorKind.DATA);
    Throwable duckError = catchThrowable(() -> duckRows("SELECT ln(x - 1) FROM doubles"));
    assertThat(duckError).isInstanceOf(SQLException.class);
  }
}
