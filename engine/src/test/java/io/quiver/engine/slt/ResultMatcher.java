package io.quiver.engine.slt;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders and compares query rows written as text cells ({@code NULL}, {@code (empty)}, values as
 * {@link io.quiver.udf.convert.ArrowValues#toText} renders them).
 *
 * <p>Cells of {@code R} columns are equal when both are numbers within a relative tolerance of
 * 1e-9 or an absolute tolerance of 1e-12; every other cell must match its text exactly.
 */
public final class ResultMatcher {
  private static final double RELATIVE_TOLERANCE = 1e-9;
  private static final double ABSOLUTE_TOLERANCE = 1e-12;

  private ResultMatcher() {}

  /** The rows in the order they are compared and written: sorted unless {@code nosort}. */
  public static List<List<String>> arrange(List<List<String>> rows, String types,
      SortMode sortMode) {
    List<List<String>> arranged = new ArrayList<>(rows);
    if (sortMode != SortMode.NOSORT) {
      arranged.sort(rowOrder(types));
    }
    return arranged;
  }

  /**
   * Null when {@code actual} matches the record's expected rows, else a description of the
   * first difference.
   */
  public static String mismatch(QueryRecord record, List<List<String>> actual) {
    String types = record.columnTypes();
    if (record.sortMode() == SortMode.VALUESORT) {
      return valueMismatch(types, flatten(record.expectedRows()), flatten(actual));
    }
    List<List<String>> expected = arrange(record.expectedRows(), types, record.sortMode());
    List<List<String>> arrangedActual = arrange(actual, types, record.sortMode());
    for (int row = 0; row < Math.min(expected.size(), arrangedActual.size()); row++) {
      for (int column = 0; column < types.length(); column++) {
        String want = expected.get(row).get(column);
        String got = arrangedActual.get(row).get(column);
        if (!cellsEqual(types.charAt(column), want, got)) {
          return "row " + (row + 1) + " column " + (column + 1) + ": expected " + want
              + " but got " + got;
        }
      }
    }
    if (expected.size() != arrangedActual.size()) {
      return "expected " + expected.size() + " rows but got " + arrangedActual.size();
    }
    return null;
  }

  private static String valueMismatch(String types, List<String> expected, List<String> actual) {
    char kind = types.indexOf('R') >= 0 ? 'R' : 'T';
    Comparator<String> order = valueOrder(kind);
    expected.sort(order);
    actual.sort(order);
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      if (!cellsEqual(kind, expected.get(i), actual.get(i))) {
        return "sorted value " + (i + 1) + ": expected " + expected.get(i) + " but got "
            + actual.get(i);
      }
    }
    if (expected.size() != actual.size()) {
      return "expected " + expected.size() + " values but got " + actual.size();
    }
    return null;
  }

  private static List<String> flatten(List<List<String>> rows) {
    List<String> values = new ArrayList<>();
    for (List<String> row : rows) {
      values.addAll(row);
    }
    return values;
  }

  /** Whether two cells of a column of type {@code type} are equal. */
  public static boolean cellsEqual(char type, String expected, String actual) {
    if (expected.equals(actual)) {
      return true;
    }
    if (type != 'R') {
      return false;
    }
    BigDecimal want = number(expected);
    BigDecimal got = number(actual);
    if (want == null || got == null) {
      return false;
    }
    double a = want.doubleValue();
    double b = got.doubleValue();
    double difference = Math.abs(a - b);
    return difference <= ABSOLUTE_TOLERANCE
        || difference <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
  }

  private static Comparator<List<String>> rowOrder(String types) {
    return (left, right) -> {
      int columns = Math.min(left.size(), right.size());
      for (int column = 0; column < columns; column++) {
        char type = column < types.length() ? types.charAt(column) : 'T';
        int order = valueOrder(type).compare(left.get(column), right.get(column));
        if (order != 0) {
          return order;
        }
      }
      return Integer.compare(left.size(), right.size());
    };
  }

  /** NULL first, numbers numerically in I and R columns, everything else as text. */
  private static Comparator<String> valueOrder(char type) {
    return (left, right) -> {
      boolean leftNull = left.equals(SqlLogicParser.NULL_TEXT);
      boolean rightNull = right.equals(SqlLogicParser.NULL_TEXT);
      if (leftNull || rightNull) {
        return Boolean.compare(!leftNull, !rightNull);
      }
      if (type == 'I' || type == 'R') {
        BigDecimal a = number(left);
        BigDecimal b = number(right);
        if (a != null && b != null) {
          int order = a.compareTo(b);
          return order != 0 ? order : left.compareTo(right);
        }
      }
      return left.compareTo(right);
    };
  }

  private static BigDecimal number(String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
