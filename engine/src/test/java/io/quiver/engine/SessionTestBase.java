package io.quiver.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quiver.udf.error.QuiverException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh session for every test, and the leak check of every SQL test when it is closed: once
 * the test's results are closed, only the tables hold memory, and nothing once the session is
 * closed. A failed statement is checked the same way right after it fails.
 *
 * <p>A subclass picks its session with {@link #newSession()}; its own {@code @BeforeEach}
 * methods run after the session is open, its {@code @AfterEach} methods before it is checked
 * and closed.
 */
public abstract class SessionTestBase {
  protected QuiverSession session;

  @BeforeEach
  final void openSession() {
    session = newSession();
  }

  /** The session of each test; override to set a batch size or a memory limit. */
  protected QuiverSession newSession() {
    return QuiverSession.open();
  }

  @AfterEach
  final void closeSession() {
    assertOnlyTablesHoldMemory("after the test");
    session.close();
    assertThat(session.allocator().getAllocatedMemory()).as("once the session is closed")
        .isZero();
  }

  /** Checks that the session's memory is all its tables' ({@code when}: for the message). */
  protected final void assertOnlyTablesHoldMemory(String when) {
    assertThat(session.allocator().getAllocatedMemory())
        .as("only the tables hold memory %s", when)
        .isEqualTo(session.tableAllocator().getAllocatedMemory());
  }

  /** Runs a statement, reading and dropping its rows, if any. */
  protected void execute(String sql) {
    rows(sql);
  }

  /** The rows of a statement, its result closed. */
  protected List<List<Object>> rows(String sql) {
    try (QueryResult result = session.sql(sql)) {
      return result.toRows();
    }
  }

  /** The error a statement must fail with; memory is released after it. */
  protected QuiverException failure(String sql) {
    Throwable thrown = catchThrowable(() -> rows(sql));
    assertOnlyTablesHoldMemory("after the failed " + sql);
    assertThat(thrown).as(sql).isInstanceOf(QuiverException.class);
    return (QuiverException) thrown;
  }
}
