package io.quiver.engine.plan.function;

import io.quiver.engine.function.FunctionSnapshot;
import io.quiver.engine.function.RegisteredFunction;
import io.quiver.engine.function.ResolvedFunction;
import io.quiver.udf.function.FunctionKind;
import io.quiver.udf.function.Volatility;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;

/**
 * A scalar function of the registry (session, plugin or API built-in) as a Calcite operator.
 * The physical planner evaluates its calls with {@code ScalarFunctionOperator}.
 */
public final class RegistryScalarOperator extends SqlFunction {
  private final RegistryCallTyping typing;
  private final Volatility volatility;

  RegistryScalarOperator(String name, RegistryCallTyping typing) {
    super(name.toUpperCase(Locale.ROOT), SqlKind.OTHER_FUNCTION, typing, typing, typing,
        SqlFunctionCategory.USER_DEFINED_FUNCTION);
    this.typing = typing;
    this.volatility = mostVolatile(typing.snapshot(), name, FunctionKind.SCALAR);
  }

  static Volatility mostVolatile(FunctionSnapshot snapshot, String name, FunctionKind kind) {
    Volatility result = Volatility.IMMUTABLE;
    for (RegisteredFunction function : snapshot.candidates(name, kind)) {
      Volatility volatility = function.definition().signature().volatility();
      if (volatility.compareTo(result) > 0) {
        result = volatility;
      }
    }
    return result;
  }

  /** The function a call with these argument types runs. */
  public ResolvedFunction resolve(List<RelDataType> operandTypes) {
    return typing.resolve(operandTypes);
  }

  public FunctionSnapshot snapshot() {
    return typing.snapshot();
  }

  /** Only calls of immutable functions are folded or merged. */
  @Override
  public boolean isDeterministic() {
    return volatility != Volatility.VOLATILE;
  }

  /** Stable functions are evaluated at run time, never folded at plan time. */
  @Override
  public boolean isDynamicFunction() {
    return volatility == Volatility.STABLE;
  }
}
