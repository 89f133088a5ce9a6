package io.quiver.engine.slt;

import java.util.List;

/**
 * {@code query TYPES [nosort|rowsort|valuesort]}: the statement must return rows equal to
 * {@code expectedRows} (each a list of cells as written, {@code NULL} for null and
 * {@code (empty)} for the empty string).
 *
 * <p>{@code columnTypes} has one letter per result column: {@code I} integer, {@code R}
 * floating point or decimal (compared numerically), {@code T} any type compared as exact text,
 * {@code B} boolean, {@code D} date, time or timestamp.
 *
 * <p>For rewriting, {@code resultsFirstLine} and {@code resultsEndLine} are the 0-based line
 * range of the expected rows in the file (end exclusive); when {@code hasResultMarker} is false
 * the file has no {@code ----} line and both point to where one is to be inserted.
 */
public record QueryRecord(int line, String sql, String columnTypes, SortMode sortMode,
    List<List<String>> expectedRows, int resultsFirstLine, int resultsEndLine,
    boolean hasResultMarker) implements SqlLogicRecord {

  public QueryRecord {
    expectedRows = expectedRows.stream().map(List::copyOf).toList();
  }

  @Override
  public String header() {
    return "query " + columnTypes + " " + sortMode.name().toLowerCase(java.util.Locale.ROOT);
  }
}
