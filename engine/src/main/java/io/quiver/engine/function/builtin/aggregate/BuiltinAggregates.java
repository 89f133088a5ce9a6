package io.quiver.engine.function.builtin.aggregate;

import io.quiver.udf.function.FunctionDefinition;
import java.util.List;

/**
 * The built-in aggregates, written on the public {@link io.quiver.udf.function.AggregateFunction}
 * API like any user aggregate. All are {@link io.quiver.engine.function.builtin.PlannerIntrinsic}:
 * SQL reaches them through Calcite's own operators (SUM, COUNT, ...), which the optimizer's
 * rules know, and the physical planner maps each operator's kind to the definition here.
 */
public final class BuiltinAggregates {
  private BuiltinAggregates() {}

  public static List<FunctionDefinition> all() {
    return List.of(
        CountFunction.rows(),
        CountFunction.values(),
        new SumFunction(SumFunction.Mode.SUM),
        new SumFunction(SumFunction.Mode.SUM0),
        new SumFunction(SumFunction.Mode.AVG),
        new ValueFunction(ValueFunction.Mode.MIN),
        new ValueFunction(ValueFunction.Mode.MAX),
        new ValueFunction(ValueFunction.Mode.ANY),
        new SingleValueFunction());
  }
}
