package io.quiver.engine.catalog;

import io.quiver.engine.exec.ExecutionContext;
import io.quiver.engine.exec.Operator;
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

  /** A short description for EXPLAIN, for example {@code memory(lineitem)}. */
  String describe();

  @Override
  default void close() {}
}
