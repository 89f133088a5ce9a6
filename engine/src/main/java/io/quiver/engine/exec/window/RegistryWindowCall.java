package io.quiver.engine.exec.window;

import io.quiver.engine.function.RegisteredFunction;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * A registry function called in a window: a user aggregate over each row's frame
 * ({@link WindowFunctionKind#AGGREGATE_FUNCTION}) or a user window function over each
 * partition ({@link WindowFunctionKind#WINDOW_FUNCTION}).
 *
 * @param function the resolved function and where it was registered
 * @param argumentColumns the input columns of its arguments, holding {@code argumentTypes}
 * @param argumentTypes the resolved argument types
 */
public record RegistryWindowCall(RegisteredFunction function, int[] argumentColumns,
    List<ArrowType> argumentTypes) {

  public RegistryWindowCall {
    Objects.requireNonNull(function, "function is null");
    argumentColumns = argumentColumns.clone();
    argumentTypes = List.copyOf(argumentTypes);
  }

  @Override
  public int[] argumentColumns() {
    return argumentColumns.clone();
  }

  /** {@code name($1, $2)}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(function.name()).append('(');
    for (int i = 0; i < argumentColumns.length; i++) {
      text.append(i > 0 ? ", $" : "$").append(argumentColumns[i]);
    }
    return text.append(')').toString();
  }
}
