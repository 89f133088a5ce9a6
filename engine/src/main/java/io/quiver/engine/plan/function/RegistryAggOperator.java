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
 * A registry function that SQL calls the way it calls an aggregate (a Calcite
 * {@link SqlAggFunction}): an aggregate ({@link RegistryAggregateOperator}) or a window function
 * ({@link RegistryWindowOperator}). Its calls are typed and resolved in the registry snapshot of
 * the statement.
 */
public abstract sealed class RegistryAggOperator extends SqlAggFunction
    permits RegistryAggregateOperator, RegistryWindowOperator {
  private final RegistryCallTyping typing;

  RegistryAggOperator(String name, RegistryCallTyping typing, boolean requiresOver) {
    super(name.toUpperCase(Locale.ROOT), null, SqlKind.OTHER_FUNCTION, typing, typing, typing,
        SqlFunctionCategory.USER_DEFINED_FUNCTION, false, requiresOver, Optionality.FORBIDDEN);
    this.typing = typing;
  }

  /** The function a call with these argument types runs. */
  public ResolvedFunction resolve(List<RelDataType> operandTypes) {
    return typing.resolve(operandTypes);
  }

  public FunctionSnapshot snapshot() {
    return typing.snapshot();
  }
}
