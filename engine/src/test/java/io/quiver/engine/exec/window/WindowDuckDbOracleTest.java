package io.quiver.engine.exec.window;

import static io.quiver.engine.exec.TestBatches.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.exec.AllTypes;
import io.quiver.engine.exec.OperatorTestBase;
import io.quiver.engine.exec.TestBatches;
import io.quiver.engine.exec.operator.WindowOperator;
import io.quiver.engine.exec.sort.SortKey;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks the window operator against DuckDB (whose window semantics are PostgreSQL's) on
 * random data with NULLs in every column, duplicate order keys, several partitions, and every
 * function over ROWS and RANGE frames in all four sort directions.
 */
class WindowDuckDbOracleTest extends OperatorTestBase {
  private static final ArrowType MONEY = new ArrowType.Decimal(12, 2, 128);
  private static final ArrowType MONEY_SUM = new ArrowType.Decimal(38, 2, 128);
  private static final Schema SCHEMA = TestBatches.schema(field("id", AllTypes.INT),
      field("p", AllTypes.INT), field("o", AllTypes.INT), field("v", AllTypes.BIGINT),
      field("d", AllTypes.DOUBLE), field("dflt", AllTypes.BIGINT), field("m", MONEY),
      field("s", AllTypes.VARCHAR));
  private static final int ROWS = 240;

  private static final List<WindowFrame> ROWS_FRAMES = List.of(
      WindowFrame.defaultFrame(true),
      new WindowFrame(true, FrameBound.preceding(2), FrameBound.following(1)),
      new WindowFrame(true, FrameBound.CURRENT_ROW, FrameBound.UNBOUNDED_FOLLOWING),
      new WindowFrame(true, FrameBound.preceding(3), FrameBound.preceding(1)),
      new WindowFrame(true, FrameBound.following(1), FrameBound.following(4)),
      new WindowFrame(true, FrameBound.UNBOUNDED_PRECEDING, FrameBound.UNBOUNDED_FOLLOWING),
      new WindowFrame(true, FrameBound.preceding(0), FrameBound.following(0)));
  private static final List<WindowFrame> RANGE_FRAMES = List.of(
      WindowFrame.defaultFrame(true),
      new WindowFrame(false, FrameBound.preceding(2), FrameBound.following(1)),
      new WindowFrame(false, FrameBound.UNBOUNDED_PRECEDING, FrameBound.preceding(1)),
      new WindowFrame(false, FrameBound.following(1), FrameBound.UNBOUNDED_FOLLOWING),
      new WindowFrame(false, FrameBound.CURRENT_ROW, FrameBound.CURRENT_ROW),
      new WindowFrame(false, FrameBound.preceding(3), FrameBound.following(3)),
      new WindowFrame(false, FrameBound.following(1), FrameBound.following(2)));

  private record Case(String sql, WindowFunction function) {}

  private Object[][] data() {
    Random random = new Random(20240611);
    Object[][] rows = new Object[ROWS][];
    for (int i = 0; i < ROWS; i++) {
      rows[i] = new Object[] {i,
          random.nextInt(8) == 0 ? null : random.nextInt(3),
          random.nextInt(7) == 0 ? null : random.nextInt(13),
          random.nextInt(6) == 0 ? null : (long) random.nextInt(101) - 50,
          random.nextInt(6) == 0 ? null : Math.round(random.nextGaussian() * 1000) / 8.0,
          (long) -i,
          random.nextInt(5) == 0 ? null
              : BigDecimal.valueOf(random.nextLong() % 10_000_000_000L, 2),
          random.nextInt(5) == 0 ? null : "s" + "xy".repeat(random.nextInt(3))
              + random.nextInt(40)};
    }
    return rows;
  }

  private static Case aggregate(WindowFunctionKind kind, String sqlName, int column,
      String columnName, WindowFrame frame, ArrowType type, int index) {
    String argument = column < 0 ? "*" : columnName;
    return new Case(sqlName + "(" + argument + ") OVER (%s " + frame + ")",
        new WindowFunction(kind, column, 0, -1, frame, field("f" + index, type)));
  }

  private static List<Case> totalOrderCases() {
    List<Case> cases = new ArrayList<>();
    WindowFrame any = WindowFrame.defaultFrame(true);
    cases.add(new Case("row_number() OVER (%s)", new WindowFunction(
        WindowFunctionKind.ROW_NUMBER, -1, 0, -1, any, field("rn", AllTypes.BIGINT))));
    cases.add(new Case("ntile(7) OVER (%s)", new WindowFunction(
        WindowFunctionKind.NTILE, -1, 7, -1, any, field("nt", AllTypes.BIGINT))));
    cases.add(new Case("lag(v) OVER (%s)", new WindowFunction(
        WindowFunctionKind.LAG, 3, 1, -1, any, field("lag1", AllTypes.BIGINT))));
    cases.add(new Case("lag(v, 2, dflt) OVER (%s)", new WindowFunction(
        WindowFunctionKind.LAG, 3, 2, 5, any, field("lag2", AllTypes.BIGINT))));
    cases.add(new Case("lead(d, 3) OVER (%s)", new WindowFunction(
        WindowFunctionKind.LEAD, 4, 3, -1, any, field("lead3", AllTypes.DOUBLE))));
    int index = 0;
    for (WindowFrame frame : ROWS_FRAMES) {
      cases.add(aggregate(WindowFunctionKind.SUM, "sum", 3, "v", frame, AllTypes.BIGINT,
          index++));
      cases.add(aggregate(WindowFunctionKind.COUNT, "count", 3, "v", frame, AllTypes.BIGINT,
          index++));
      cases.add(aggregate(WindowFunctionKind.COUNT_STAR, "count", -1, "", frame,
          AllTypes.BIGINT, index++));
      cases.add(aggregate(WindowFunctionKind.AVG, "avg", 3, "v", frame, AllTypes.DOUBLE,
          index++));
      cases.add(aggregate(WindowFunctionKind.MIN, "min", 3, "v", frame, AllTypes.BIGINT,
          index++));
      cases.add(aggregate(WindowFunctionKind.MAX, "max", 4, "d", frame, AllTypes.DOUBLE,
          index++));
      cases.add(aggregate(WindowFunctionKind.SUM, "sum", 4, "d", frame, AllTypes.DOUBLE,
          index++));
      cases.add(aggregate(WindowFunctionKind.FIRST_VALUE, "first_value", 3, "v", frame,
          AllTypes.BIGINT, index++));
      cases.add(aggregate(WindowFunctionKind.LAST_VALUE, "last_value", 4, "d", frame,
          AllTypes.DOUBLE, index++));
      cases.add(aggregate(WindowFunctionKind.SUM, "sum", 6, "m", frame, MONEY_SUM, index++));
      cases.add(aggregate(WindowFunctionKind.AVG, "avg", 6, "m", frame, AllTypes.DOUBLE,
          index++));
      cases.add(aggregate(WindowFunctionKind.MAX, "max", 7, "s", frame, AllTypes.VARCHAR,
          index++));
      cases.add(aggregate(WindowFunctionKind.MIN, "min", 7, "s", frame, AllTypes.VARCHAR,
          index++));
      cases.add(new Case("nth_value(v, 2) OVER (%s " + frame + ")", new WindowFunction(
          WindowFunctionKind.NTH_VALUE, 3, 2, -1, frame, field("f" + index++,
              AllTypes.BIGINT))));
    }
    return cases;
  }

  private static List<Case> peerOrderCases() {
    List<Case> cases = new ArrayList<>();
    WindowFrame any = WindowFrame.defaultFrame(true);
    cases.add(new Case("rank() OVER (%s)", new WindowFunction(
        WindowFunctionKind.RANK, -1, 0, -1, any, field("rank", AllTypes.BIGINT))));
    cases.add(new Case("dense_rank() OVER (%s)", new WindowFunction(
        WindowFunctionKind.DENSE_RANK, -1, 0, -1, any, field("dense", AllTypes.BIGINT))));
    cases.add(new Case("percent_rank() OVER (%s)", new WindowFunction(
        WindowFunctionKind.PERCENT_RANK, -1, 0, -1, any, field("pr", AllTypes.DOUBLE))));
    cases.add(new Case("cume_dist() OVER (%s)", new WindowFunction(
        WindowFunctionKind.CUME_DIST, -1, 0, -1, any, field("cd", AllTypes.DOUBLE))));
    int index = 0;
    for (WindowFrame frame : RANGE_FRAMES) {
      cases.add(aggregate(WindowFunctionKind.SUM, "sum", 3, "v", frame, AllTypes.BIGINT,
          index++));
      cases.add(aggregate(WindowFunctionKind.COUNT, "count", 4, "d", frame, AllTypes.BIGINT,
          index++));
      cases.add(aggregate(WindowFunctionKind.COUNT_STAR, "count", -1, "", frame,
          AllTypes.BIGINT, index++));
      cases.add(aggregate(WindowFunctionKind.AVG, "avg", 4, "d", frame, AllTypes.DOUBLE,
          index++));
      cases.add(aggregate(WindowFunctionKind.MIN, "min", 4, "d", frame, AllTypes.DOUBLE,
          index++));
      cases.add(aggregate(WindowFunctionKind.MAX, "max", 3, "v", frame, AllTypes.BIGINT,
          index++));
    }
    return cases;
  }

  @Test
  void matchesDuckDb() throws SQLException {
    Object[][] data = data();
    VectorSchemaRoot table = table(SCHEMA, data);
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      load(connection, data);
      boolean[][] directions = {{false, false}, {true, true}, {false, true}, {true, false}};
      for (boolean[] direction : directions) {
        SortKey orderKey = new SortKey(2, direction[0], direction[1]);
        String order = "o " + (direction[0] ? "DESC" : "ASC")
            + (direction[1] ? " NULLS FIRST" : " NULLS LAST");
        check(connection, table, List.of(orderKey, SortKey.ascending(0)),
            "PARTITION BY p ORDER BY " + order + ", id", totalOrderCases());
        check(connection, table, List.of(orderKey), "PARTITION BY p ORDER BY " + order,
            peerOrderCases());
      }
      WindowFrame whole = WindowFrame.defaultFrame(false);
      check(connection, table, List.of(), "PARTITION BY p", List.of(
          aggregate(WindowFunctionKind.SUM, "sum", 3, "v", whole, AllTypes.BIGINT, 0),
          aggregate(WindowFunctionKind.MIN, "min", 4, "d", whole, AllTypes.DOUBLE, 1)));
    }
  }

  private static void load(Connection connection, Object[][] data) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (id INTEGER, p INTEGER, o INTEGER, v BIGINT,"
          + " d DOUBLE, dflt BIGINT, m DECIMAL(12, 2), s VARCHAR)");
    }
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Object[] row : data) {
        for (int column = 0; column < row.length; column++) {
          insert.setObject(column + 1, row[column]);
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private void check(Connection connection, VectorSchemaRoot table, List<SortKey> orderKeys,
      String over, List<Case> cases) throws SQLException {
    List<WindowFunction> functions = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT id");
    for (Case c : cases) {
      functions.add(c.function());
      sql.append(", ").append(String.format(c.sql(), over));
    }
    sql.append(" FROM t");
    Map<Integer, List<Object>> expected = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql.toString())) {
      while (result.next()) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
          values.add(result.getObject(i + 2));
        }
        expected.put(result.getInt(1), values);
      }
    }
    WindowOperator window = new WindowOperator(context, scan(SCHEMA, table), List.of(1),
        orderKeys, functions);
    List<List<Object>> rows = run(window);
    assertThat(rows).hasSize(ROWS);
    for (List<Object> row : rows) {
      int id = (Integer) row.get(0);
      List<Object> wanted = expected.get(id);
      for (int i = 0; i < cases.size(); i++) {
        Object actual = row.get(SCHEMA.getFields().size() + i);
        assertSame(actual, wanted.get(i), over + ": " + String.format(cases.get(i).sql(), over)
            + " at id " + id);
      }
    }
  }

  private static void assertSame(Object actual, Object expected, String description) {
    if (expected == null || actual == null) {
      assertThat(actual).as(description).isEqualTo(expected);
      return;
    }
    if (actual instanceof String || expected instanceof String) {
      assertThat(actual).as(description).isEqualTo(expected);
      return;
    }
    if (actual instanceof Double || expected instanceof Double) {
      double a = ((Number) actual).doubleValue();
      double e = ((Number) expected).doubleValue();
      assertThat(a).as(description).isCloseTo(e,
          org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(e))));
      return;
    }
    assertThat(new BigDecimal(actual.toString())).as(description)
        .isEqualByComparingTo(new BigDecimal(expected.toString()));
  }
}
