package io.quiver.bench.kernel;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverSession;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/** The in-memory table {@code n} of the SQL-measured kernel benchmarks, and reading results. */
final class NumbersTable {
  private NumbersTable() {}

  /** A session holding {@code n} with {@code rows} rows ({@link KernelBenchmarkData#numbers}). */
  static QuiverSession open(long rows, int batchSize) {
    QuiverSession session = QuiverSession.builder().batchSize(batchSize).build();
    try {
      List<VectorSchemaRoot> batches = KernelBenchmarkData.numbers(session.allocator(), rows);
      try {
        session.registerTable("n", batches);
      } finally {
        // The table holds its own references to the buffers.
        batches.forEach(VectorSchemaRoot::close);
      }
      return session;
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  /** The one row of a one-row result; the result is closed. */
  static List<Object> onlyRow(QueryResult result) {
    try (result) {
      List<List<Object>> rows = result.toRows();
      if (rows.size() != 1) {
        throw new IllegalStateException("expected one row, got " + rows.size());
      }
      return rows.get(0);
    }
  }
}
