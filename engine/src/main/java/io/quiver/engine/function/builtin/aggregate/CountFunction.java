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
import io.quiver.udf.function.Volatility;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * COUNT(*) (no arguments: every row) and COUNT(x, ...) (rows where no argument is NULL: the
 * host drops the others, as for any strict aggregate). BIGINT, never NULL. State: the count.
 */
public final class CountFunction extends BuiltinDefinition implements AggregateFunction,
    PlannerIntrinsic {

  private CountFunction(Signature signature, String description) {
    super("count", signature, description);
  }

  /** COUNT(*). */
  public static CountFunction rows() {
    return new CountFunction(Signature.of(ReturnType.fixed(Types.BIGINT)), "the number of rows");
  }

  /** COUNT(x, ...). */
  public static CountFunction values() {
    return new CountFunction(new Signature(List.of(ArgumentType.family(TypeFamily.ANY)), true,
        ReturnType.fixed(Types.BIGINT), NullHandling.STRICT, Volatility.IMMUTABLE),
        "the number of rows where no argument is NULL");
  }

  @Override
  public List<Field> stateFields(List<ArrowType> argumentTypes) {
    return List.of(new Field("count", FieldType.notNullable(Types.BIGINT), null));
  }

  @Override
  public GroupAccumulator createAccumulator(AggregateContext context) {
    return new CountAccumulator();
  }
}
