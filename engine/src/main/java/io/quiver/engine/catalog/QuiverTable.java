package io.quiver.engine.catalog;

import io.quiver.engine.exec.ExecutionContext;
import io.quiver.engine.exec.Operator;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.TimeTravel;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A table that a query can scan: the seam every table provider plugs into (in-memory Arrow,
 * CSV, and later Parquet, Arrow IPC and Delta). The schema and row count are known at plan
 * time; the scan happens at run time.
 */
public interface QuiverTable extends AutoCloseable {

  Schema schema();

  /** Estimated row count for join ordering; a negative value means unknown. */
  double rowCount();

  /**
   * Columns whose values are known to be unique (single-column keys), for join ordering and
   * cardinality estimates. Empty when unknown.
   */
  default java.util.List<Integer> uniqueColumns() {
    return java.util.List.of();
  }

  /**
   * The number of distinct non-NULL values of {@code column}, or a negative value when
   * unknown. Used for join cardinality estimates; may be computed on first use.
   */
  default double distinctCount(int column) {
    return -1;
  }

  /**
   * Opens a scan that returns only the columns at {@code projection} (indexes into
   * {@link #schema()}, in that order).
   */
  Operator scan(ExecutionContext context, int[] projection);

  /**
   * Opens a scan of {@code projection} with hints: {@code predicates} (columns indexed in
   * {@link #schema()}) a table may use to skip data, and a {@code limit} (-1: none) it may stop
   * at. The planner re-applies its filter, so ignoring the hints (the default) is correct.
   */
  default Operator scan(ExecutionContext context, int[] projection,
      java.util.List<io.quiver.udf.function.ColumnPredicate> predicates, long limit) {
    return scan(context, projection);
  }

  /**
   * The table as one query reads it. A table whose data is fixed (the default) is its own; a
   * table that re-reads its source at each query (a registered Delta table: the latest
   * snapshot) opens a table for the query, which the query closes when it ends.
   */
  default QuiverTable forQuery() {
    return this;
  }

  /**
   * The table as it was at another version or time ({@code FROM t VERSION AS OF 3}), opened for
   * one query, which closes it. The default refuses: only tables with a history travel.
   *
   * @throws QuiverException UNSUPPORTED for a table without versions, DATA for a version or
   *     time outside the table's history
   */
  default QuiverTable asOf(TimeTravel at) {
    throw new QuiverException(ErrorKind.UNSUPPORTED, "it keeps no versions (" + describe()
        + "): time travel works on Delta tables (register one with"
        + " QuiverSession.registerDelta)");
  }

  /** A short description for EXPLAIN, for example {@code memory(lineitem)}. */
  String describe();

  @Override
  default void close() {}
}
