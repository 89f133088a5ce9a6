package io.quiver.engine.function.builtin.math;

import io.quiver.udf.function.ReturnType;
import io.quiver.udf.function.Types;
import java.util.List;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * The type every argument of a numeric function fits, as DuckDB chooses it for
 * {@code greatest}: DOUBLE if any argument is DOUBLE, else REAL if any is REAL, else a DECIMAL
 * with the most integer digits and the largest scale of the arguments (integers count as
 * DECIMAL(3..19, 0), the precision is capped at 38), else the widest integer type.
 */
final class NumericCommonType implements ReturnType {
  static final NumericCommonType INSTANCE = new NumericCommonType();

  private static final int MAX_PRECISION = 38;

  private NumericCommonType() {}

  @Override
  public ArrowType resolve(List<ArrowType> argumentTypes) {
    boolean anyDouble = false;
    boolean anyReal = false;
    boolean anyDecimal = false;
    int integerBits = 8;
    int integerDigits = 0;
    int scale = 0;
    for (ArrowType type : argumentTypes) {
      if (type instanceof ArrowType.FloatingPoint floating) {
        anyDouble |= floating.getPrecision() != FloatingPointPrecision.SINGLE;
        anyReal |= floating.getPrecision() == FloatingPointPrecision.SINGLE;
      } else if (type instanceof ArrowType.Decimal decimal) {
        anyDecimal = true;
        integerDigits = Math.max(integerDigits, decimal.getPrecision() - decimal.getScale());
        scale = Math.max(scale, decimal.getScale());
      } else if (type instanceof ArrowType.Int integer) {
        integerBits = Math.max(integerBits, integer.getBitWidth());
        integerDigits = Math.max(integerDigits, digits(integer.getBitWidth()));
      } else {
        integerBits = 64; // a NULL literal: BIGINT
        integerDigits = Math.max(integerDigits, digits(64));
      }
    }
    if (anyDouble) {
      return Types.DOUBLE;
    }
    if (anyReal) {
      return Types.REAL;
    }
    if (anyDecimal) {
      return Types.decimal(Math.min(MAX_PRECISION, Math.max(1, integerDigits + scale)), scale);
    }
    return new ArrowType.Int(integerBits, true);
  }

  /** The decimal digits of the largest integer of a width. */
  private static int digits(int bits) {
    return switch (bits) {
      case 8 -> 3;
      case 16 -> 5;
      case 32 -> 10;
      default -> 19;
    };
  }

  @Override
  public String toString() {
    return "common type of the arguments";
  }
}
