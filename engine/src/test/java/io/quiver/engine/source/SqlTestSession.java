package io.quiver.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverSession;
import io.quiver.udf.error.QuiverException;
import java.util.List;

/**
 * A session for the source tests' SQL: runs a query to boxed rows, captures the
 * QuiverException a query must fail with, and on close checks that the queries left no Arrow
 * memory behind (registered tables aside) before closing the session.
 */
public final class SqlTestSession implements AutoCloseable {
  private final QuiverSession session;

  public SqlTestSession(int batchSize) {
    this.session = QuiverSession.builder().batchSize(batchSize).build();
  }

  public QuiverSession session() {
    return session;
  }

  /** The rows of {@code sql}'s result; the result is closed. */
  public List<List<Object>> rows(String sql) {
    try (QueryResult result = session.sql(sql)) {
      return result.toRows();
    }
  }

  /** The QuiverException {@code sql} fails with (an assertion error when it does not). */
  public QuiverException failure(String sql) {
    Throwable thrown = catchThrowable(() -> rows(sql));
    assertThat(thrown).as(sql).isInstanceOf(QuiverException.class);
    return (QuiverException) thrown;
  }

  @Override
  public void close() {
    try {
      assertThat(session.allocator().getAllocatedMemory()).as("Arrow memory left by queries")
          .isEqualTo(session.tableAllocator().getAllocatedMemory());
    } finally {
      session.close();
    }
  }
}
