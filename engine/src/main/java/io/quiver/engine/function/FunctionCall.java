package io.quiver.engine.function;

import io.quiver.engine.expr.VectorExpression;
import io.quiver.engine.plan.QueryPlanner;
import io.quiver.engine.plan.TypeMapping;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.SqlTypeNames;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;

/**
 * A scalar function call built by name and argument types, resolved registry-first exactly as
 * SQL resolves it (session, plugins, built-ins), and callable on Arrow vectors:
 *
 * <pre>{@code
 * FunctionCall upper = session.functions().call("upper", List.of(Types.VARCHAR));
 * try (FieldVector result = upper.invoke(allocator, names)) { ... }
 * }</pre>
 *
 * <p>Arguments of a narrower numeric type are widened as in SQL. The call is bound to the
 * functions that existed when it was built.
 */
public final class FunctionCall {
  private static final RexBuilder REX_BUILDER = new RexBuilder(QueryPlanner.TYPE_FACTORY);

  private final ResolvedFunction resolved;
  private final List<ArrowType> argumentTypes;
  private final ScalarFunctionInvoker invoker;

  FunctionCall(ResolvedFunction resolved, List<ArrowType> argumentTypes) {
    this.resolved = resolved;
    this.argumentTypes = List.copyOf(argumentTypes);
    this.invoker = new ScalarFunctionInvoker(resolved,
        new Field(resolved.function().name(), FieldType.nullable(resolved.returnType()), null));
  }

  /** The function the call resolved to, with its source. */
  public RegisteredFunction function() {
    return resolved.function();
  }

  public FunctionSource source() {
    return resolved.function().source();
  }

  public ArrowType returnType() {
    return resolved.returnType();
  }

  /**
   * Calls the function on {@code arguments} (one vector per argument, of the types the call
   * was built with, all of the same length); the result is allocated in {@code allocator} and
   * owned by the caller. Failures follow the function error contract (USER_FUNCTION, RESOURCE).
   */
  public FieldVector invoke(BufferAllocator allocator, FieldVector... arguments) {
    if (arguments.length != argumentTypes.size()) {
      throw new QuiverException(ErrorKind.PLAN, "the call was built for "
          + argumentTypes.size() + " arguments but got " + arguments.length);
    }
    int rows = arguments.length == 0 ? 1 : arguments[0].getValueCount();
    List<FieldVector> widened = new ArrayList<>();
    try {
      FieldVector[] vectors = new FieldVector[arguments.length];
      for (int i = 0; i < arguments.length; i++) {
        FieldVector argument = arguments[i];
        if (argument.getValueCount() != rows) {
          throw new QuiverException(ErrorKind.PLAN, "argument " + (i + 1) + " has "
              + argument.getValueCount() + " values but argument 1 has " + rows);
        }
        if (!argument.getField().getType().equals(argumentTypes.get(i))) {
          throw new QuiverException(ErrorKind.TYPE, "argument " + (i + 1) + " is "
              + SqlTypeNames.of(argument.getField().getType()) + " but the call was built for "
              + SqlTypeNames.of(argumentTypes.get(i)));
        }
        ArrowType target = resolved.argumentTypes().get(i);
        if (argument.getField().getType().equals(target)) {
          vectors[i] = argument;
        } else {
          FieldVector cast = widen(argument, target, rows, allocator);
          widened.add(cast);
          vectors[i] = cast;
        }
      }
      return invoker.invoke(vectors, new boolean[vectors.length], rows, allocator,
          "in a call from Java");
    } finally {
      widened.forEach(FieldVector::close);
    }
  }

  private static FieldVector widen(FieldVector argument, ArrowType target, int rows,
      BufferAllocator allocator) {
    RelDataTypeFactory types = REX_BUILDER.getTypeFactory();
    RelDataType from = TypeMapping.toRelType(argument.getField().getType(), true, types);
    RelDataType to = TypeMapping.toRelType(target, true, types);
    RelDataType row = types.builder().add("$0", from).build();
    return VectorExpression.evaluate(REX_BUILDER, row, List.of(argument), rows,
        REX_BUILDER.makeCast(to, REX_BUILDER.makeInputRef(from, 0), true, false),
        new Field("arg", FieldType.nullable(target), null), allocator);
  }

  @Override
  public String toString() {
    return FunctionRegistry.callText(resolved.function().name(), argumentTypes) + " -> "
        + resolved.function().describe();
  }
}
