package io.quiver.engine.function;

import io.quiver.udf.function.ArgumentType;
import io.quiver.udf.function.Signature;
import io.quiver.udf.function.TypeFamily;
import io.quiver.udf.function.Types;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Matches actual argument types against a {@link Signature}: an exact numeric argument type
 * accepts narrower numbers (TINYINT &lt; SMALLINT &lt; INTEGER &lt; BIGINT &lt; DECIMAL &lt;
 * REAL &lt; DOUBLE), each widening costing one; a NULL literal fits any argument.
 */
final class ArgumentMatcher {
  /** No match. */
  static final int NO_MATCH = -1;

  private ArgumentMatcher() {}

  /**
   * The cost of calling {@code signature} with {@code actual} (0 = exact), or NO_MATCH. When it
   * matches and {@code converted} is not null, the converted argument types are added to it.
   */
  static int cost(Signature signature, List<ArrowType> actual, List<ArrowType> converted) {
    if (!signature.acceptsArity(actual.size())) {
      return NO_MATCH;
    }
    int cost = 0;
    List<ArrowType> targets = new ArrayList<>(actual.size());
    for (int i = 0; i < actual.size(); i++) {
      ArgumentType declared = signature.argument(i);
      ArrowType type = actual.get(i);
      if (type instanceof ArrowType.Null) {
        targets.add(nullTarget(declared));
        cost += 1;
      } else if (declared.acceptsExactly(type)) {
        targets.add(type);
      } else if (declared instanceof ArgumentType.Exact exact && widens(type, exact.type())) {
        targets.add(exact.type() instanceof ArrowType.Decimal ? decimalFor(type, exact.type())
            : exact.type());
        cost += 1;
      } else {
        return NO_MATCH;
      }
    }
    if (converted != null) {
      converted.addAll(targets);
    }
    return cost;
  }

  private static ArrowType nullTarget(ArgumentType declared) {
    if (declared instanceof ArgumentType.Exact exact) {
      return exact.type();
    }
    TypeFamily family = ((ArgumentType.Family) declared).family();
    return switch (family) {
      case NUMERIC, INTEGER -> Types.BIGINT;
      case FLOATING -> Types.DOUBLE;
      case DECIMAL -> Types.decimal(38, 0);
      case BOOLEAN -> Types.BOOLEAN;
      case TEMPORAL -> Types.TIMESTAMP;
      case STRING, ANY -> Types.VARCHAR;
    };
  }

  private static int rank(ArrowType type) {
    if (type instanceof ArrowType.Int integer) {
      return switch (integer.getBitWidth()) {
        case 8 -> 1;
        case 16 -> 2;
        case 32 -> 3;
        default -> 4;
      };
    }
    if (type instanceof ArrowType.Decimal) {
      return 5;
    }
    if (type instanceof ArrowType.FloatingPoint floating) {
      return floating.getPrecision() == FloatingPointPrecision.SINGLE ? 6 : 7;
    }
    return 0;
  }

  static boolean widens(ArrowType from, ArrowType to) {
    int source = rank(from);
    int target = rank(to);
    return source > 0 && target > 0 && source < target;
  }

  /** An integer widened to a DECIMAL argument keeps all its digits: BIGINT is DECIMAL(19,0). */
  private static ArrowType decimalFor(ArrowType from, ArrowType declared) {
    if (from instanceof ArrowType.Int integer) {
      int digits = switch (integer.getBitWidth()) {
        case 8 -> 3;
        case 16 -> 5;
        case 32 -> 10;
        default -> 19;
      };
      return Types.decimal(digits, 0);
    }
    return declared;
  }
}
