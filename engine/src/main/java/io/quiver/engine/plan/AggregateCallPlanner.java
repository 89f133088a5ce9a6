package io.quiver.engine.plan;

import io.quiver.engine.exec.aggregate.AggregateSpec;
import io.quiver.engine.function.FunctionSnapshot;
import io.quiver.engine.function.FunctionSource;
import io.quiver.engine.function.RegisteredFunction;
import io.quiver.engine.function.ResolvedFunction;
import io.quiver.engine.function.builtin.PlannerIntrinsic;
import io.quiver.engine.function.builtin.aggregate.LiteralFunction;
import io.quiver.engine.plan.function.RegistryAggregateOperator;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.FunctionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.SqlAggFunction;

/**
 * Maps an {@link AggregateCall} to the registry function that runs it:
 * <ul>
 *   <li>a {@link RegistryAggregateOperator} (a session, plugin or shadowing function) resolves
 *       through the snapshot it was validated with; arguments the function takes at a wider type
 *       are cast in {@link AppendedColumns};</li>
 *   <li>Calcite's own operators (COUNT, SUM, $SUM0, AVG, MIN, MAX, ANY_VALUE, SINGLE_VALUE) map
 *       by kind to the registry's {@link PlannerIntrinsic} built-in of that name, with the
 *       argument types Calcite typed;</li>
 *   <li>LITERAL_AGG (from Calcite's subquery rewrites) carries its constant:
 *       a {@link LiteralFunction} per call.</li>
 * </ul>
 */
final class AggregateCallPlanner {
  private final FunctionSnapshot builtins;

  AggregateCallPlanner(FunctionSnapshot functions) {
    this.builtins = new FunctionSnapshot(Map.of(), List.of(), functions.builtins());
  }

  AggregateSpec plan(AggregateCall call, Field output, AppendedColumns columns) {
    SqlAggFunction operator = call.getAggregation();
    List<Integer> arguments = call.getArgList();
    List<ArrowType> actual = new ArrayList<>(arguments.size());
    for (int argument : arguments) {
      actual.add(TypeMapping.toArrowType(columns.type(argument)));
    }
    if (operator instanceof RegistryAggregateOperator registry) {
      ResolvedFunction resolved = registry.snapshot().resolve(registry.getName(),
          FunctionKind.AGGREGATE, actual);
      int[] argumentColumns = new int[arguments.size()];
      for (int i = 0; i < argumentColumns.length; i++) {
        argumentColumns[i] = columns.castTo(arguments.get(i), resolved.argumentTypes().get(i));
      }
      return new AggregateSpec(resolved.function(), argumentColumns, resolved.argumentTypes(),
          call.filterArg, call.isDistinct(), output);
    }
    RegisteredFunction function;
    switch (operator.getKind()) {
      case LITERAL_AGG -> {
        RexLiteral value = (RexLiteral) call.rexList.get(0);
        function = new RegisteredFunction(new LiteralFunction(
            PhysicalPlanner.literalValue(value), output.getType()), FunctionSource.BUILTIN);
      }
      case COUNT -> function = builtin("count", actual);
      case SUM -> function = builtin("sum", actual);
      case SUM0 -> function = builtin("$sum0", actual);
      case AVG -> function = builtin("avg", actual);
      case MIN -> function = builtin("min", actual);
      case MAX -> function = builtin("max", actual);
      case ANY_VALUE -> function = builtin("any_value", actual);
      case SINGLE_VALUE -> function = builtin("single_value", actual);
      default -> throw new QuiverException(ErrorKind.UNSUPPORTED,
          "aggregate function " + operator.getName() + " is not supported yet");
    }
    int[] argumentColumns = new int[arguments.size()];
    for (int i = 0; i < argumentColumns.length; i++) {
      argumentColumns[i] = arguments.get(i);
    }
    return new AggregateSpec(function, argumentColumns, actual, call.filterArg,
        call.isDistinct(), output);
  }

  /** The built-in definition of {@code name} for these argument types. */
  private RegisteredFunction builtin(String name, List<ArrowType> argumentTypes) {
    RegisteredFunction function = builtins.resolve(name, FunctionKind.AGGREGATE, argumentTypes)
        .function();
    if (!(function.definition() instanceof PlannerIntrinsic)) {
      throw new QuiverException(ErrorKind.INTERNAL, "built-in aggregate " + function.describe()
          + " is not a planner intrinsic (a bug in Quiver)");
    }
    return function;
  }
}
