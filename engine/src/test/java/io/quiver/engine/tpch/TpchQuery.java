package io.quiver.engine.tpch;

import java.util.List;

/**
 * One TPC-H query with its validation parameters substituted.
 *
 * @param number 1 to 22
 * @param sql the query text without its comment lines
 * @param orderKeyColumns 0-based result columns of the ORDER BY, most significant first (empty
 *     for single-row queries); rows whose keys are equal may come in any order
 * @param limited whether the query ends with LIMIT: rows tied with the last row may differ
 */
public record TpchQuery(int number, String sql, List<Integer> orderKeyColumns, boolean limited) {
  /** {@code Q1} ... {@code Q22}. */
  public String name() {
    return "Q" + number;
  }

  @Override
  public String toString() {
    return name();
  }
}
