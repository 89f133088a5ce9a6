package io.quiver.engine.exec.aggregate;

import io.quiver.engine.function.RegisteredFunction;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.AggregateFunction;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * One aggregate call of a hash aggregate.
 *
 * @param function the aggregate and where it was registered (built-in or user)
 * @param arguments the input columns of the arguments (none for COUNT(*))
 * @param argumentTypes the resolved argument types; the argument columns hold these types
 * @param filterColumn the boolean FILTER column, or -1: only rows where it is TRUE count
 * @param distinct whether only distinct (group, arguments) rows count
 * @param output the result column's field
 */
public record AggregateSpec(RegisteredFunction function, int[] arguments,
    List<ArrowType> argumentTypes, int filterColumn, boolean distinct, Field output) {

  public AggregateSpec {
    Objects.requireNonNull(function, "function is null");
    Objects.requireNonNull(output, "output is null");
    arguments = arguments.clone();
    argumentTypes = List.copyOf(argumentTypes);
    if (!(function.definition() instanceof AggregateFunction)) {
      throw new QuiverException(ErrorKind.INTERNAL, function.describe()
          + " is not an aggregate function (a bug in Quiver)");
    }
    if (arguments.length != argumentTypes.size()) {
      throw new QuiverException(ErrorKind.INTERNAL, function.describe() + " has "
          + arguments.length + " argument columns but " + argumentTypes.size()
          + " argument types (a bug in Quiver)");
    }
  }

  public AggregateFunction aggregate() {
    return (AggregateFunction) function.definition();
  }

  @Override
  public int[] arguments() {
    return arguments.clone();
  }

  /** For EXPLAIN: {@code sum(DISTINCT $1) FILTER($3)}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(function.name()).append('(');
    if (distinct) {
      text.append("DISTINCT ");
    }
    for (int i = 0; i < arguments.length; i++) {
      text.append(i > 0 ? ", $" : "$").append(arguments[i]);
    }
    text.append(')');
    if (filterColumn >= 0) {
      text.append(" FILTER($").append(filterColumn).append(')');
    }
    return text.toString();
  }
}
