package io.quiver.udf.function;

import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * A user-defined aggregate: creates one {@link GroupAccumulator} per aggregate call, which
 * keeps a state per group. Usable with GROUP BY, DISTINCT, FILTER and as a window aggregate
 * ({@code OVER (...)}). With {@link NullHandling#STRICT} (the default) rows where an argument is
 * NULL never reach the accumulator, as for SQL's built-in aggregates.
 */
public interface AggregateFunction extends FunctionDefinition {

  /**
   * The state of one group as Arrow fields, so that partial states can be written out and
   * merged later (spilling, parallel execution).
   */
  List<Field> stateFields(List<ArrowType> argumentTypes);

  GroupAccumulator createAccumulator(AggregateContext context);

  @Override
  default FunctionKind kind() {
    return FunctionKind.AGGREGATE;
  }
}
