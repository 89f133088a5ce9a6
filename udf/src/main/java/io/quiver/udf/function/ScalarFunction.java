package io.quiver.udf.function;

import org.apache.arrow.vector.FieldVector;

/**
 * A vectorised scalar function: one call per batch, arguments as vectors, one result vector of
 * {@link ScalarArguments#rowCount()} rows and the resolved return type. Anything it throws,
 * and any wrong result (null, wrong length, wrong type), becomes a {@code USER_FUNCTION}
 * error naming the function and the batch; the host keeps running.
 *
 * <p>For simple cases, {@link RowFunctions} adapts a lambda over Java values.
 */
public interface ScalarFunction extends FunctionDefinition {

  FieldVector evaluate(ScalarArguments arguments);

  @Override
  default FunctionKind kind() {
    return FunctionKind.SCALAR;
  }
}
