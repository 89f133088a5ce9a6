package io.quiver.engine.function.builtin.aggregate;

import io.quiver.engine.function.builtin.BuiltinDefinition;
import io.quiver.engine.function.builtin.PlannerIntrinsic;
import io.quiver.udf.function.AggregateContext;
import io.quiver.udf.function.AggregateFunction;
import io.quiver.udf.function.GroupAccumulator;
import io.quiver.udf.function.ReturnType;
import io.quiver.udf.function.Signature;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * LITERAL_AGG: the same constant for every group, which Calcite's subquery rewrites put into
 * aggregates. The constant belongs to the call, so the physical planner makes one definition
 * per call; it is not in the registry (no SQL name reaches it). State: none (the constant is
 * the whole state).
 */
public final class LiteralFunction extends BuiltinDefinition implements AggregateFunction,
    PlannerIntrinsic {
  private final Object value;

  /**
   * @param value the constant as a Java value ({@link io.quiver.udf.convert.JavaValueWriter}
   *     writes it), or null
   * @param type its type
   */
  public LiteralFunction(Object value, ArrowType type) {
    super("literal_agg", Signature.of(ReturnType.fixed(type)), "");
    this.value = value;
  }

  @Override
  public List<Field> stateFields(List<ArrowType> argumentTypes) {
    return List.of();
  }

  @Override
  public GroupAccumulator createAccumulator(AggregateContext context) {
    return new LiteralAccumulator(value);
  }
}
