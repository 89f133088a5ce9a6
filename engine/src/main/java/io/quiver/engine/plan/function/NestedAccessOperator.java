package io.quiver.engine.plan.function;

import io.quiver.udf.function.ScalarFunction;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.ReturnTypes;

/**
 * The operator of a planner-made call that takes a nested value apart ({@code s.x},
 * {@code a[i]}, {@code m[k]}, {@code CARDINALITY}, {@code IS NULL} on a nested value): it only
 * exists in expressions after validation, and the physical planner evaluates it with its
 * {@link ScalarFunction} like a registry scalar call.
 */
public final class NestedAccessOperator extends SqlFunction {
  private final ScalarFunction function;

  public NestedAccessOperator(ScalarFunction function) {
    super(function.name().toUpperCase(java.util.Locale.ROOT).replace(' ', '_'),
        SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0, null, null, SqlFunctionCategory.SYSTEM);
    this.function = function;
  }

  public ScalarFunction function() {
    return function;
  }
}
