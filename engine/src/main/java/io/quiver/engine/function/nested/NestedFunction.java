package io.quiver.engine.function.nested;

import io.quiver.udf.function.ArgumentType;
import io.quiver.udf.function.NullHandling;
import io.quiver.udf.function.ScalarFunction;
import io.quiver.udf.function.Signature;
import io.quiver.udf.function.TypeFamily;
import io.quiver.udf.function.Volatility;
import java.util.Collections;

/**
 * A function that takes a nested value (ARRAY, ROW, MAP) apart, which the planner puts where
 * SQL accesses one: {@code s.x}, {@code a[i]}, {@code m[k]}, {@code CARDINALITY(a)},
 * {@code a IS NULL}. Evaluated once per batch on the public scalar-function API, like a
 * registry function, but never registered: the SQL syntax is its only name. Each handles
 * NULLs itself (a NULL container gives NULL), so the host never masks its results.
 */
abstract class NestedFunction implements ScalarFunction {
  private final String name;
  private final Signature signature;

  NestedFunction(String name, int arguments) {
    this.name = name;
    this.signature = new Signature(Collections.nCopies(arguments,
        ArgumentType.family(TypeFamily.ANY)), false, types -> types.get(0),
        NullHandling.CALLED_ON_NULL, Volatility.IMMUTABLE);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Signature signature() {
    return signature;
  }
}
