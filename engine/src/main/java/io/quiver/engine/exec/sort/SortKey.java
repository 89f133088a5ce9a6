package io.quiver.engine.exec.sort;

/**
 * One key of an ORDER BY: the column index in the input, the direction, and where NULLs go
 * ({@code nullsFirst} is independent of the direction, as in SQL's {@code NULLS FIRST/LAST}).
 */
public record SortKey(int column, boolean descending, boolean nullsFirst) {

  public SortKey {
    if (column < 0) {
      throw new IllegalArgumentException("sort column must not be negative: " + column);
    }
  }

  /** Ascending with PostgreSQL's default NULL placement (NULLS LAST). */
  public static SortKey ascending(int column) {
    return new SortKey(column, false, false);
  }

  /** Descending with PostgreSQL's default NULL placement (NULLS FIRST). */
  public static SortKey descending(int column) {
    return new SortKey(column, true, true);
  }
}
