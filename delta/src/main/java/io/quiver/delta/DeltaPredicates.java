package io.quiver.delta;

import io.delta.kernel.expressions.And;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Expression;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Or;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import io.quiver.udf.function.ColumnPredicate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The query's pushed {@link ColumnPredicate}s as one Kernel {@link Predicate} for
 * {@code ScanBuilder.withFilter}, so that Kernel prunes partitions and skips data files by their
 * statistics. Columns are named by their logical (top-level) names, as Kernel expects with
 * column mapping. The predicates are hints (the engine re-applies its filter), so a predicate
 * that cannot be converted exactly is left out, never approximated:
 * <ul>
 *   <li>only top-level columns of a primitive type (boolean, integers, float, double, decimal,
 *       string, date, timestamp, timestamp_ntz);</li>
 *   <li>a constant becomes a literal of the column's type only when it converts exactly (an
 *       integer out of the column's range, a fraction for an integer column or a decimal with
 *       more digits than the column's scale is left out);</li>
 *   <li>float and double columns take only {@code =, <, <=, IN} with constants that are neither
 *       zero nor NaN, and the NULL tests: writers disagree on whether statistics count NaN and
 *       -0.0, and NaN sorts above every number in SQL, so {@code >, >=, <>} could skip a file
 *       holding a NaN that matches;</li>
 *   <li>{@code IN} becomes a balanced OR of {@code =} (what Kernel's data skipping handles), for
 *       at most {@link #MAX_IN_VALUES} values; {@code <>} becomes {@code NOT(=)}.</li>
 * </ul>
 */
final class DeltaPredicates {
  /** IN lists longer than this are not pushed (the OR tree would cost more than it saves). */
  static final int MAX_IN_VALUES = 256;

  private DeltaPredicates() {}

  /**
   * The conjunction of the convertible predicates, or empty when none converts.
   *
   * @param fieldOf the Delta field a predicate's column index reads, or null when the column is
   *     not a table column (the file column)
   */
  static Optional<Predicate> toKernel(List<ColumnPredicate> predicates,
      IntFunction<StructField> fieldOf) {
    Predicate result = null;
    for (ColumnPredicate predicate : predicates) {
      StructField field = fieldOf.apply(predicate.column());
      Predicate converted = field == null ? null : convert(predicate, field);
      if (converted != null) {
        result = result == null ? converted : new And(result, converted);
      }
    }
    return Optional.ofNullable(result);
  }

  /** One predicate on {@code field}, or null when it does not convert exactly. */
  static Predicate convert(ColumnPredicate predicate, StructField field) {
    DataType type = field.getDataType();
    boolean floating = type instanceof FloatType || type instanceof DoubleType;
    Column column = new Column(field.getName());
    switch (predicate.operator()) {
      case IS_NULL:
        return new Predicate("IS_NULL", column);
      case IS_NOT_NULL:
        return new Predicate("IS_NOT_NULL", column);
      case IN: {
        if (predicate.values().isEmpty() || predicate.values().size() > MAX_IN_VALUES) {
          return null;
        }
        List<Predicate> equals = new ArrayList<>(predicate.values().size());
        for (Object value : predicate.values()) {
          Literal literal = literal(value, type);
          if (literal == null) {
            return null;
          }
          equals.add(new Predicate("=", column, literal));
        }
        return balancedOr(equals, 0, equals.size());
      }
      default:
        break;
    }
    Literal literal = literal(predicate.value(), type);
    if (literal == null) {
      return null;
    }
    return switch (predicate.operator()) {
      case EQUAL -> new Predicate("=", column, literal);
      case LESS_THAN -> new Predicate("<", column, literal);
      case LESS_THAN_OR_EQUAL -> new Predicate("<=", column, literal);
      case GREATER_THAN -> floating ? null : new Predicate(">", column, literal);
      case GREATER_THAN_OR_EQUAL -> floating ? null : new Predicate(">=", column, literal);
      case NOT_EQUAL -> floating ? null
          : new Predicate("NOT", new Predicate("=", column, literal));
      default -> null;
    };
  }

  private static Predicate balancedOr(List<Predicate> predicates, int from, int to) {
    if (to - from == 1) {
      return predicates.get(from);
    }
    int middle = (from + to) >>> 1;
    return new Or(balancedOr(predicates, from, middle), balancedOr(predicates, middle, to));
  }

  /** {@code value} as a literal of {@code type}, or null when it does not convert exactly. */
  static Literal literal(Object value, DataType type) {
    if (value == null) {
      return null;
    }
    if (type instanceof BooleanType) {
      return value instanceof Boolean b ? Literal.ofBoolean(b) : null;
    }
    if (type instanceof StringType) {
      return value instanceof String s ? Literal.ofString(s) : null;
    }
    if (type instanceof DateType) {
      return value instanceof LocalDate date ? Literal.ofDate((int) date.toEpochDay()) : null;
    }
    if (type instanceof TimestampType || type instanceof TimestampNTZType) {
      if (!(value instanceof LocalDateTime time) || time.getNano() % 1000 != 0) {
        return null;
      }
      long micros = Math.addExact(Math.multiplyExact(time.toEpochSecond(ZoneOffset.UTC),
          1_000_000L), time.getNano() / 1000);
      return type instanceof TimestampType ? Literal.ofTimestamp(micros)
          : Literal.ofTimestampNtz(micros);
    }
    BigDecimal number = exactNumber(value);
    if (number == null) {
      return null;
    }
    if (type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType
        || type instanceof LongType) {
      return integerLiteral(number, type);
    }
    if (type instanceof DoubleType || type instanceof FloatType) {
      double d = type instanceof FloatType ? number.floatValue() : number.doubleValue();
      if (d == 0 || Double.isNaN(d) || Double.isInfinite(d)
          || new BigDecimal(d).compareTo(number) != 0) {
        return null;
      }
      return type instanceof FloatType ? Literal.ofFloat((float) d) : Literal.ofDouble(d);
    }
    if (type instanceof DecimalType decimal) {
      try {
        BigDecimal scaled = number.setScale(decimal.getScale(), RoundingMode.UNNECESSARY);
        return scaled.precision() > decimal.getPrecision() ? null
            : Literal.ofDecimal(scaled, decimal.getPrecision(), decimal.getScale());
      } catch (ArithmeticException e) {
        return null;
      }
    }
    return null;
  }

  /** A Long, Double or BigDecimal as an exact BigDecimal (null for others, NaN, infinity). */
  private static BigDecimal exactNumber(Object value) {
    if (value instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    if (value instanceof Integer i) {
      return BigDecimal.valueOf(i);
    }
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Double d && !d.isNaN() && !d.isInfinite()) {
      return new BigDecimal(d);
    }
    if (value instanceof Float f && !f.isNaN() && !f.isInfinite()) {
      return new BigDecimal(f);
    }
    return null;
  }

  private static Literal integerLiteral(BigDecimal number, DataType type) {
    long value;
    try {
      value = number.longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
    if (type instanceof ByteType) {
      return value == (byte) value ? Literal.ofByte((byte) value) : null;
    }
    if (type instanceof ShortType) {
      return value == (short) value ? Literal.ofShort((short) value) : null;
    }
    if (type instanceof IntegerType) {
      return value == (int) value ? Literal.ofInt((int) value) : null;
    }
    return Literal.ofLong(value);
  }
}
