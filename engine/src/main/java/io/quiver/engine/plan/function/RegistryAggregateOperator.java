package io.quiver.engine.plan.function;

import io.quiver.engine.function.FunctionSnapshot;
import io.quiver.engine.function.ResolvedFunction;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.Optionality;

/**
 * An aggregate of the registry as a Calcite operator: usable with GROUP BY, DISTINCT, FILTER
 * and OVER. The hash aggregate and window operators run its accumulator.
 */
public final class RegistryAggregateOperator extends SqlAggFunction {
  private final RegistryCallTyping typing;

  RegistryAggregateOperator(String name, RegistryCallTyping typing) {
    super(name.toUpperCase(Locale.ROOT), null, SqlKind.OTHER_FUNCTION, typing, typing, typing,
        SqlFunctionCategory.USER_DEFINED_FUNCTION, false, false, Optionality.FORBIDDEN);
    this.typing = typing;
  }

  /** The aggregate a call with these argument types runs. */
  public ResolvedFunction resolve(List<RelDataType> operandTypes) {
    return typing.resolve(operandTypes);
  }

  public FunctionSnapshot snapshot() {
    return typing.snapshot();
  }
}
