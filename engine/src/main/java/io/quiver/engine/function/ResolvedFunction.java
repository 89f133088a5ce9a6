package io.quiver.engine.function;

import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * The outcome of resolving a call: the chosen function, the types its arguments are converted
 * to (after implicit numeric widening) and its return type.
 */
public record ResolvedFunction(RegisteredFunction function, List<ArrowType> argumentTypes,
    ArrowType returnType) {

  public ResolvedFunction {
    argumentTypes = List.copyOf(argumentTypes);
  }
}
