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
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * MIN, MAX and ANY_VALUE: one value of the argument's type per group, NULL when the group had
 * no non-NULL value. Floating point compares in SQL order (NaN largest), strings by their UTF-8
 * bytes, everything else as integers. State: the value itself (NULL: none yet).
 */
public final class ValueFunction extends BuiltinDefinition implements AggregateFunction,
    PlannerIntrinsic {

  /** Which value is kept. */
  public enum Mode {
    MIN("min"),
    MAX("max"),
    /** The first non-NULL value seen. */
    ANY("any_value");

    private final String functionName;

    Mode(String functionName) {
      this.functionName = functionName;
    }

    /** Whether a value comparing {@code comparison} to the kept one replaces it. */
    boolean replaces(int comparison) {
      return this == MIN ? comparison < 0 : this == MAX && comparison > 0;
    }
  }

  private final Mode mode;

  public ValueFunction(Mode mode) {
    super(mode.functionName,
        Signature.of(ReturnType.sameAsArgument(0), ArgumentType.family(TypeFamily.ANY)),
        switch (mode) {
          case MIN -> "the smallest non-NULL value";
          case MAX -> "the largest non-NULL value";
          case ANY -> "one of the non-NULL values";
        });
    this.mode = mode;
  }

  @Override
  public List<Field> stateFields(List<ArrowType> argumentTypes) {
    return List.of(new Field("value", FieldType.nullable(argumentTypes.get(0)), null));
  }

  @Override
  public GroupAccumulator createAccumulator(AggregateContext context) {
    ArrowType type = context.argumentTypes().get(0);
    if (type instanceof ArrowType.FloatingPoint) {
      return new DoubleValueAccumulator(mode);
    }
    if (type instanceof ArrowType.Utf8 || type instanceof ArrowType.Binary) {
      return new BytesValueAccumulator(mode);
    }
    return new FixedValueAccumulator(mode);
  }
}
