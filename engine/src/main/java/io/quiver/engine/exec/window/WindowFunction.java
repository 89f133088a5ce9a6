package io.quiver.engine.exec.window;

import java.util.Objects;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * One window function of a {@link io.quiver.engine.exec.operator.WindowOperator}.
 *
 * @param kind the function
 * @param argumentColumn the input column of the argument, or -1 (ROW_NUMBER, COUNT(*), ...)
 * @param offset LAG/LEAD offset (default 1), NTH_VALUE's n, NTILE's bucket count when it has
 *     no argument column
 * @param defaultColumn LAG/LEAD: -1 for a NULL default, else the input column holding the
 *     default value (same type as the argument)
 * @param frame the frame (used by the aggregates and FIRST/LAST/NTH_VALUE)
 * @param outputField the result column's field (name and type)
 * @param call the registry function of {@link WindowFunctionKind#AGGREGATE_FUNCTION} and
 *     {@link WindowFunctionKind#WINDOW_FUNCTION} (their arguments are in the call), else null
 */
public record WindowFunction(WindowFunctionKind kind, int argumentColumn, int offset,
    int defaultColumn, WindowFrame frame, Field outputField, RegistryWindowCall call) {

  public WindowFunction {
    Objects.requireNonNull(kind, "kind is null");
    Objects.requireNonNull(frame, "frame is null");
    Objects.requireNonNull(outputField, "outputField is null");
    boolean registry = kind == WindowFunctionKind.AGGREGATE_FUNCTION
        || kind == WindowFunctionKind.WINDOW_FUNCTION;
    if (registry != (call != null)) {
      throw new IllegalArgumentException(kind + (registry ? " needs" : " takes no")
          + " registry call");
    }
  }

  /** A built-in window function. */
  public WindowFunction(WindowFunctionKind kind, int argumentColumn, int offset,
      int defaultColumn, WindowFrame frame, Field outputField) {
    this(kind, argumentColumn, offset, defaultColumn, frame, outputField, null);
  }

  /** A registry aggregate over frames, or a registry window function. */
  public static WindowFunction registry(WindowFunctionKind kind, RegistryWindowCall call,
      WindowFrame frame, Field outputField) {
    return new WindowFunction(kind, -1, 0, -1, frame, outputField, call);
  }

  @Override
  public String toString() {
    if (call != null) {
      return call + " " + frame;
    }
    StringBuilder text = new StringBuilder(kind.name()).append('(');
    if (argumentColumn >= 0) {
      text.append('$').append(argumentColumn);
    }
    if (kind == WindowFunctionKind.LAG || kind == WindowFunctionKind.LEAD
        || kind == WindowFunctionKind.NTH_VALUE) {
      text.append(", ").append(offset);
      if (defaultColumn >= 0) {
        text.append(", $").append(defaultColumn);
      }
    }
    text.append(')');
    if (kind.usesFrame()) {
      text.append(' ').append(frame);
    }
    return text.toString();
  }
}
