package io.quiver.engine.function.builtin.aggregate;

import io.quiver.engine.function.builtin.BuiltinDefinition;
import io.quiver.engine.function.builtin.PlannerIntrinsic;
import io.quiver.udf.function.AggregateContext;
import io.quiver.udf.function.AggregateFunction;
import io.quiver.udf.function.ArgumentType;
import io.quiver.udf.function.GroupAccumulator;
import io.quiver.udf.function.NullHandling;
import io.quiver.udf.function.ReturnType;
import io.quiver.udf.function.Signature;
import io.quiver.udf.function.TypeFamily;
import io.quiver.udf.function.Types;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * SINGLE_VALUE: the value of a scalar subquery. A group with more than one row (NULL rows
 * count: the function is called on NULL) is an EXECUTION error; no rows give NULL. State: the
 * value and the number of rows seen.
 */
public final class SingleValueFunction extends BuiltinDefinition implements AggregateFunction,
    PlannerIntrinsic {

  public SingleValueFunction() {
    super("single_value",
        Signature.of(ReturnType.sameAsArgument(0), ArgumentType.family(TypeFamily.ANY))
            .withNullHandling(NullHandling.CALLED_ON_NULL),
        "the only row's value (the value of a scalar subquery); more than one row fails");
  }

  @Override
  public List<Field> stateFields(List<ArrowType> argumentTypes) {
    return List.of(new Field("value", FieldType.nullable(argumentTypes.get(0)), null),
        new Field("rows", FieldType.notNullable(Types.BIGINT), null));
  }

  @Override
  public GroupAccumulator createAccumulator(AggregateContext context) {
    return new SingleValueAccumulator(context.argumentTypes().get(0), context.allocator());
  }
}
