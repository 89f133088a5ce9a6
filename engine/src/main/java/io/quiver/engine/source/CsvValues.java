package io.quiver.engine.source;

import java.time.LocalDate;
import java.util.Locale;

/** Type inference and conversion of CSV field text. */
final class CsvValues {
  static final int UNKNOWN = 0;
  static final int BOOLEAN = 1;
  static final int BIGINT = 2;
  static final int DOUBLE = 3;
  static final int DATE = 4;
  static final int VARCHAR = 5;

  private CsvValues() {}

  static int kindOf(String value) {
    String text = value.strip();
    if (text.isEmpty()) {
      return VARCHAR;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.equals("true") || lower.equals("false")) {
      return BOOLEAN;
    }
    if (text.matches("[+-]?\\d{1,18}")) {
      return BIGINT;
    }
    if (text.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
      return DOUBLE;
    }
    if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
      try {
        LocalDate.parse(text);
        return DATE;
      } catch (RuntimeException e) {
        return VARCHAR;
      }
    }
    return VARCHAR;
  }

  /** The type that holds values of both kinds. */
  static int widen(int current, int next) {
    if (current == UNKNOWN) {
      return next;
    }
    if (current == next) {
      return current;
    }
    if ((current == BIGINT && next == DOUBLE) || (current == DOUBLE && next == BIGINT)) {
      return DOUBLE;
    }
    return VARCHAR;
  }
}
