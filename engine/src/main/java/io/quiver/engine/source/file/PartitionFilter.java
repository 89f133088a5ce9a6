package io.quiver.engine.source.file;

import io.quiver.udf.function.ColumnPredicate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Decides from a file's partition values whether a predicate can hold for any of its rows, so
 * that a scan skips files whose partition cannot match. Only a definite "no" skips: a
 * predicate whose values cannot be compared with the partition value keeps the file (the
 * host re-applies its filter anyway).
 */
final class PartitionFilter {
  private PartitionFilter() {}

  /** False only when no row with partition value {@code value} can satisfy {@code predicate}. */
  static boolean mayMatch(ColumnPredicate predicate, Object value) {
    switch (predicate.operator()) {
      case IS_NULL:
        return value == null;
      case IS_NOT_NULL:
        return value != null;
      case IN:
        if (value == null) {
          return false;
        }
        for (Object candidate : predicate.values()) {
          Integer order = compare(value, candidate);
          if (order == null || order == 0) {
            return true;
          }
        }
        return false;
      default:
        break;
    }
    if (value == null) {
      return false;
    }
    Integer order = compare(value, predicate.value());
    if (order == null) {
      return true;
    }
    switch (predicate.operator()) {
      case EQUAL: return order == 0;
      case NOT_EQUAL: return order != 0;
      case LESS_THAN: return order < 0;
      case LESS_THAN_OR_EQUAL: return order <= 0;
      case GREATER_THAN: return order > 0;
      case GREATER_THAN_OR_EQUAL: return order >= 0;
      default: return true;
    }
  }

  /** Whether every predicate may hold. */
  static boolean mayMatchAll(List<ColumnPredicate> predicates, Object value) {
    for (ColumnPredicate predicate : predicates) {
      if (!mayMatch(predicate, value)) {
        return false;
      }
    }
    return true;
  }

  /** value compared with constant, or null when they are not comparable. */
  private static Integer compare(Object value, Object constant) {
    if (constant == null) {
      return null;
    }
    if (value instanceof Number number && constant instanceof Number other) {
      return decimal(number).compareTo(decimal(other));
    }
    if (value instanceof String text && constant instanceof String other) {
      return text.compareTo(other);
    }
    if (value instanceof Boolean flag && constant instanceof Boolean other) {
      return flag.compareTo(other);
    }
    if (value instanceof LocalDate date && constant instanceof LocalDate other) {
      return date.compareTo(other);
    }
    return null;
  }

  private static BigDecimal decimal(Number number) {
    if (number instanceof BigDecimal decimal) {
      return decimal;
    }
    if (number instanceof Double || number instanceof Float) {
      return BigDecimal.valueOf(number.doubleValue());
    }
    return BigDecimal.valueOf(number.longValue());
  }
}
