package io.quiver.engine.function.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverSession;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A session with batches of 3 rows, so every table of more than 3 rows runs a function over
 * several batches, and a leak check after every statement: once a result is closed, only the
 * tables hold memory.
 */
public abstract class BuiltinSqlTestBase {
  protected QuiverSession session;

  @BeforeEach
  void openSession() {
    session = newSession();
  }

  /** The session of each test; override to set a memory limit. */
  protected QuiverSession newSession() {
    return QuiverSession.builder().batchSize(3).build();
  }

  @AfterEach
  void closeSession() {
    checkNoLeak("after the test");
    session.close();
  }

  private void checkNoLeak(String when) {
    assertThat(session.allocator().getAllocatedMemory())
        .as("only the tables hold memory %s", when)
        .isEqualTo(session.tableAllocator().getAllocatedMemory());
  }

  /** Runs a statement that returns nothing. */
  protected void execute(String sql) {
    try (QueryResult result = session.sql(sql)) {
      result.toRows();
    }
    checkNoLeak("after " + sql);
  }

  protected List<List<Object>> rows(String sql) {
    List<List<Object>> rows;
    try (QueryResult result = session.sql(sql)) {
      rows = result.toRows();
    }
    checkNoLeak("after " + sql);
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

  /** The value of a one-row, one-column query. */
  protected Object value(String sql) {
    List<List<Object>> rows = rows(sql);
    assertThat(rows).as(sql).hasSize(1);
    return rows.get(0).get(0);
  }

  /** The error of a statement that must fail with {@code kind}; memory is released after it. */
  protected QuiverException failure(String sql, ErrorKind kind) {
    Throwable thrown = catchThrowable(() -> {
      try (QueryResult result = session.sql(sql)) {
        result.toRows();
      }
    });
    checkNoLeak("after the failed " + sql);
    assertThat(thrown).as(sql).isInstanceOf(QuiverException.class);
    QuiverException error = (QuiverException) thrown;
    assertThat(error.kind()).as("kind of %s: %s", sql, error.getMessage()).isEqualTo(kind);
    return error;
  }
}
