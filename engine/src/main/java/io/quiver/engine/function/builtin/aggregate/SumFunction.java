package io.quiver.engine.function.builtin.aggregate;

import io.quiver.engine.function.builtin.BuiltinDefinition;
import io.quiver.engine.function.builtin.PlannerIntrinsic;
import io.quiver.udf.function.AggregateContext;
import io.quiver.udf.function.AggregateFunction;
import io.quiver.udf.function.ArgumentType;
import io.quiver.udf.function.GroupAccumulator;
import io.quiver.udf.function.ReturnType;
import io.quiver.udf.function.Signature;
import io.quiver.udf.function.TypeFamily;
import io.quiver.udf.function.Types;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * SUM, $SUM0 (Calcite's SUM that gives 0 instead of NULL for no rows) and AVG of a number.
 * Integers and decimals add exactly in 128 bits ({@link ExactSumAccumulator}), REAL and DOUBLE
 * in doubles ({@link FloatSumAccumulator}). Result types follow engine/README.md: SUM of an
 * integer is BIGINT (overflow is an error), of DECIMAL(p,s) DECIMAL(38,s), of REAL/DOUBLE
 * DOUBLE; AVG is DOUBLE.
 *
 * <p>State: {@code sum} (DECIMAL(38,s) holding the 128-bit sum, or DOUBLE), then for SUM a
 * {@code non_empty} flag (whether any row was added, so that no rows give NULL) and for AVG the
 * row {@code count}; $SUM0 needs the sum alone.
 */
public final class SumFunction extends BuiltinDefinition implements AggregateFunction,
    PlannerIntrinsic {

  /** Which of the three aggregates. */
  public enum Mode {
    SUM("sum"),
    SUM0("$sum0"),
    AVG("avg");

    private final String functionName;

    Mode(String functionName) {
      this.functionName = functionName;
    }
  }

  private final Mode mode;

  public SumFunction(Mode mode) {
    super(mode.functionName,
        Signature.of(new SumType(mode), ArgumentType.family(TypeFamily.NUMERIC)),
        switch (mode) {
          case SUM -> "the sum of the non-NULL values, NULL when there are none";
          case SUM0 -> "the sum of the non-NULL values, 0 when there are none";
          case AVG -> "the mean of the non-NULL values as DOUBLE, NULL when there are none";
        });
    this.mode = mode;
  }

  private static boolean floating(ArrowType type) {
    return type instanceof ArrowType.FloatingPoint;
  }

  private static int scale(ArrowType type) {
    return type instanceof ArrowType.Decimal decimal ? decimal.getScale() : 0;
  }

  @Override
  public List<Field> stateFields(List<ArrowType> argumentTypes) {
    ArrowType argument = argumentTypes.get(0);
    List<Field> fields = new ArrayList<>(2);
    ArrowType sum = floating(argument) ? Types.DOUBLE : Types.decimal(38, scale(argument));
    fields.add(new Field("sum", FieldType.notNullable(sum), null));
    if (mode == Mode.SUM) {
      fields.add(new Field("non_empty", FieldType.notNullable(Types.BOOLEAN), null));
    } else if (mode == Mode.AVG) {
      fields.add(new Field("count", FieldType.notNullable(Types.BIGINT), null));
    }
    return fields;
  }

  @Override
  public GroupAccumulator createAccumulator(AggregateContext context) {
    ArrowType argument = context.argumentTypes().get(0);
    if (floating(argument)) {
      return new FloatSumAccumulator(mode);
    }
    return new ExactSumAccumulator(mode, scale(argument));
  }

  /** The result type rule of {@link SumFunction}, named for listings. */
  private record SumType(Mode mode) implements ReturnType {
    @Override
    public ArrowType resolve(List<ArrowType> argumentTypes) {
      ArrowType argument = argumentTypes.get(0);
      if (mode == Mode.AVG || floating(argument)) {
        return Types.DOUBLE;
      }
      if (argument instanceof ArrowType.Decimal decimal) {
        return Types.decimal(38, decimal.getScale());
      }
      return Types.BIGINT;
    }

    @Override
    public String toString() {
      return mode == Mode.AVG ? "DOUBLE" : "BIGINT, DECIMAL(38,s) or DOUBLE";
    }
  }
}
