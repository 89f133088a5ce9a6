package io.quiver.udf.function;

import java.util.List;
import java.util.Objects;

/**
 * A condition on one column that the host pushes to a {@link TableSource} as a hint: the source
 * may skip data that cannot satisfy it (Parquet row groups by min/max statistics, partitions
 * by directory values). The host always re-applies the full filter, so a source may ignore
 * any predicate and may return rows that do not satisfy it.
 *
 * @param column index of the column in {@link TableSource#schema()}
 * @param operator the comparison
 * @param values the constant(s) compared with, as Java values ({@link
 *     io.quiver.udf.convert.ArrowValues} types: Long, Double, BigDecimal, String, Boolean,
 *     LocalDate, LocalDateTime); one value for comparisons, one or more for IN, none for the
 *     NULL tests
 */
public record ColumnPredicate(int column, Operator operator, List<Object> values) {

  /** The comparisons a predicate can make. */
  public enum Operator {
    EQUAL,
    NOT_EQUAL,
    LESS_THAN,
    LESS_THAN_OR_EQUAL,
    GREATER_THAN,
    GREATER_THAN_OR_EQUAL,
    IN,
    IS_NULL,
    IS_NOT_NULL
  }

  public ColumnPredicate {
    Objects.requireNonNull(operator, "operator is null");
    values = List.copyOf(values);
  }

  /** The compared value of a comparison. */
  public Object value() {
    return values.get(0);
  }

  @Override
  public String toString() {
    return "$" + column + " " + operator + (values.isEmpty() ? "" : " " + values);
  }
}
