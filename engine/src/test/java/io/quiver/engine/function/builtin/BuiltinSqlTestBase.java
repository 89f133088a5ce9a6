package io.quiver.engine.function.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.QuiverSession;
import io.quiver.engine.SessionTestBase;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A session with batches of 3 rows, so every table of more than 3 rows runs a function over
 * several batches, and a leak check after every statement: once a result is closed, only the
 * tables hold memory.
 */
public abstract class BuiltinSqlTestBase extends SessionTestBase {

  @Override
  protected QuiverSession newSession() {
    return QuiverSession.builder().batchSize(3).build();
  }

  @Override
  protected List<List<Object>> rows(String sql) {
    List<List<Object>> rows = super.rows(sql);
    assertOnlyTablesHoldMemory("after " + sql);
    return rows;
  }

  /** The first column of every row. */
  protected List<Object> column(String sql) {
    List<Object> values = new ArrayList<>();
    for (List<Object> row : rows(sql)) {
      values.add(row.get(0));
    }
    return values;
  }

  /** Expected values of a column, NULLs allowed. */
  protected static List<Object> values(Object... values) {
    return Arrays.asList(values);
  }

  /** The value of a one-row, one-column query. */
  protected Object value(String sql) {
    List<List<Object>> rows = rows(sql);
    assertThat(rows).as(sql).hasSize(1);
    return rows.get(0).get(0);
  }

  /** The error of a statement that must fail with {@code kind}; memory is released after it. */
  protected QuiverException failure(String sql, ErrorKind kind) {
    QuiverException error = failure(sql);
    assertThat(error.kind()).as("kind of %s: %s", sql, error.getMessage()).isEqualTo(kind);
    return error;
  }
}
