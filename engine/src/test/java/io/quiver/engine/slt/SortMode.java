package io.quiver.engine.slt;

/** How a query's rows are ordered before they are compared with the expected rows. */
public enum SortMode {
  /** Compare rows in the order the engine returns them (for queries with ORDER BY). */
  NOSORT,
  /** Sort the rows of both sides, then compare row by row. */
  ROWSORT,
  /** Sort all values of both sides individually, then compare the value lists. */
  VALUESORT
}
