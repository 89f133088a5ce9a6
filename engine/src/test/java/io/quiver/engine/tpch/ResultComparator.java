package io.quiver.engine.tpch;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares a query result with the oracle's, row by row in order.
 *
 * <p>Rows are compared in order, except runs of consecutive rows whose ORDER BY keys are equal
 * (ties the ORDER BY leaves unordered), which are compared as multisets; a result without
 * ORDER BY is one such run. With LIMIT, the rows tied with the last row may legitimately differ,
 * so of that last run only the keys are compared.
 *
 * <p>Values: strings and dates exactly; integers exactly (also against decimals); two
 * decimals of the same scale exactly, of different scales within one unit in the last place of
 * the coarser; any other pair of numbers within a relative 1e-9, widened to one unit in the last
 * place of the decimal when a decimal meets a double (DuckDB returns AVG and decimal division as
 * DOUBLE, so a DECIMAL(15,2) average matches within 0.01).
 */
public final class ResultComparator {
  private static final double RELATIVE_TOLERANCE = 1e-9;

  private ResultComparator() {}

  /** A description of the first difference, or empty when {@code actual} matches. */
  public static Optional<String> compare(TpchQuery query, List<List<Object>> expected,
      List<List<Object>> actual) {
    return compare(query.name(), query.orderKeyColumns(), query.limited(), expected, actual);
  }

  /** Throws an {@link AssertionError} describing the first difference, if any. */
  public static void assertMatches(TpchQuery query, List<List<Object>> expected,
      List<List<Object>> actual) {
    Optional<String> difference = compare(query, expected, actual);
    if (difference.isPresent()) {
      throw new AssertionError(difference.get());
    }
  }

  /**
   * A description of the first difference, or empty when {@code actual} matches.
   *
   * @param name the query's name, for the message
   * @param orderKeys 0-based ORDER BY columns (empty: rows in any order)
   * @param limited whether the query has a LIMIT
   */
  public static Optional<String> compare(String name, List<Integer> orderKeys, boolean limited,
      List<List<Object>> expected, List<List<Object>> actual) {
    int common = Math.min(expected.size(), actual.size());
    for (int row = 0; row < common; row++) {
      if (expected.get(row).size() != actual.get(row).size()) {
        return Optional.of(name + ": row " + row + " has " + actual.get(row).size()
            + " columns, expected " + expected.get(row).size() + "\n  expected: "
            + describe(expected.get(row)) + "\n  actual:   " + describe(actual.get(row)));
      }
    }
    if (expected.size() != actual.size()) {
      return Optional.of(name + ": " + actual.size() + " rows, expected " + expected.size()
          + firstPositionalDifference(expected, actual));
    }
    int start = 0;
    while (start < expected.size()) {
      int end = start + 1;
      while (end < expected.size()
          && (orderKeys.isEmpty() || keysEqual(orderKeys, expected.get(start), expected.get(end)))) {
        end++;
      }
      boolean lastTiedRun = limited && end == expected.size() && end - start > 1;
      Optional<String> difference = lastTiedRun
          ? compareKeysOnly(name, orderKeys, expected, actual, start, end)
          : compareRun(name, expected, actual, start, end);
      if (difference.isPresent()) {
        return difference;
      }
      start = end;
    }
    return Optional.empty();
  }

  private static Optional<String> compareRun(String name, List<List<Object>> expected,
      List<List<Object>> actual, int start, int end) {
    if (end - start == 1) {
      return compareRows(name, start, expected.get(start), actual.get(start));
    }
    boolean[] used = new boolean[end - start];
    for (int row = start; row < end; row++) {
      boolean found = false;
      // Prefer the row at the same position, then any unused row of the run.
      if (!used[row - start] && rowsEqual(expected.get(row), actual.get(row))) {
        used[row - start] = true;
        found = true;
      }
      for (int candidate = start; candidate < end && !found; candidate++) {
        if (!used[candidate - start] && rowsEqual(expected.get(row), actual.get(candidate))) {
          used[candidate - start] = true;
          found = true;
        }
      }
      if (!found) {
        return Optional.of(name + ": row " + row + " (in rows " + start + ".." + (end - 1)
            + ", whose ORDER BY keys tie) has no equal actual row"
            + "\n  expected: " + describe(expected.get(row))
            + "\n  actual:   " + describe(actual.get(row)));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> compareKeysOnly(String name, List<Integer> orderKeys,
      List<List<Object>> expected, List<List<Object>> actual, int start, int end) {
    for (int row = start; row < end; row++) {
      if (!keysEqual(orderKeys, expected.get(row), actual.get(row))) {
        return Optional.of(name + ": row " + row + " (tied with the last row before LIMIT)"
            + " has other ORDER BY keys"
            + "\n  expected: " + describe(expected.get(row))
            + "\n  actual:   " + describe(actual.get(row)));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> compareRows(String name, int row, List<Object> expected,
      List<Object> actual) {
    for (int column = 0; column < expected.size(); column++) {
      if (!valuesEqual(expected.get(column), actual.get(column))) {
        return Optional.of(name + ": row " + row + " column " + column + ": expected "
            + describe(expected.get(column)) + " but was " + describe(actual.get(column))
            + "\n  expected: " + describe(expected) + "\n  actual:   " + describe(actual));
      }
    }
    return Optional.empty();
  }

  private static String firstPositionalDifference(List<List<Object>> expected,
      List<List<Object>> actual) {
    int common = Math.min(expected.size(), actual.size());
    for (int row = 0; row < common; row++) {
      if (!rowsEqual(expected.get(row), actual.get(row))) {
        return "; first differing row " + row + "\n  expected: " + describe(expected.get(row))
            + "\n  actual:   " + describe(actual.get(row));
      }
    }
    if (expected.size() > common) {
      return "; first missing row " + common + ": " + describe(expected.get(common));
    }
    return "; first extra row " + common + ": " + describe(actual.get(common));
  }

  private static boolean keysEqual(List<Integer> keys, List<Object> left, List<Object> right) {
    for (int key : keys) {
      if (!valuesEqual(left.get(key), right.get(key))) {
        return false;
      }
    }
    return true;
  }

  private static boolean rowsEqual(List<Object> expected, List<Object> actual) {
    if (expected.size() != actual.size()) {
      return false;
    }
    for (int column = 0; column < expected.size(); column++) {
      if (!valuesEqual(expected.get(column), actual.get(column))) {
        return false;
      }
    }
    return true;
  }

  /** Whether two result values are equal under this comparator's rules. */
  public static boolean valuesEqual(Object expected, Object actual) {
    if (expected == null || actual == null) {
      return expected == actual;
    }
    if (expected instanceof Number left && actual instanceof Number right) {
      return numbersEqual(left, right);
    }
    return Objects.equals(expected, actual);
  }

  private static boolean numbersEqual(Number left, Number right) {
    if (isExact(left) && isExact(right)) {
      BigDecimal x = exact(left);
      BigDecimal y = exact(right);
      if (x.compareTo(y) == 0) {
        return true;
      }
      if (!(left instanceof BigDecimal) || !(right instanceof BigDecimal)) {
        return false;
      }
      int scaleX = Math.max(x.scale(), 0);
      int scaleY = Math.max(y.scale(), 0);
      if (scaleX == scaleY) {
        return false;
      }
      BigDecimal unit = BigDecimal.ONE.movePointLeft(Math.min(scaleX, scaleY));
      return x.subtract(y).abs().compareTo(unit) <= 0;
    }
    double x = left.doubleValue();
    double y = right.doubleValue();
    if (Double.isNaN(x) || Double.isNaN(y)) {
      return Double.isNaN(x) && Double.isNaN(y);
    }
    if (Double.isInfinite(x) || Double.isInfinite(y)) {
      return x == y;
    }
    double allowed = RELATIVE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
    int decimalScale = Math.min(decimalScale(left), decimalScale(right));
    if (decimalScale != Integer.MAX_VALUE) {
      allowed = Math.max(allowed, Math.pow(10, -decimalScale));
    }
    return Math.abs(x - y) <= allowed;
  }

  private static boolean isExact(Number number) {
    return number instanceof BigDecimal || number instanceof BigInteger
        || number instanceof Long || number instanceof Integer || number instanceof Short
        || number instanceof Byte;
  }

  private static BigDecimal exact(Number number) {
    if (number instanceof BigDecimal decimal) {
      return decimal;
    }
    if (number instanceof BigInteger integer) {
      return new BigDecimal(integer);
    }
    return BigDecimal.valueOf(number.longValue());
  }

  /** The scale of a decimal value, or MAX_VALUE for other numbers. */
  private static int decimalScale(Number number) {
    return number instanceof BigDecimal decimal ? Math.max(decimal.scale(), 0)
        : Integer.MAX_VALUE;
  }

  private static String describe(List<Object> row) {
    List<String> values = new ArrayList<>(row.size());
    for (Object value : row) {
      values.add(describe(value));
    }
    return values.toString();
  }

  private static String describe(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof String text) {
      return "'" + text + "'";
    }
    String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    return text + " (" + value.getClass().getSimpleName() + ")";
  }
}
