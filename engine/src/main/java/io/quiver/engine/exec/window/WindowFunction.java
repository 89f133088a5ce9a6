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
 */
public record WindowFunction(WindowFunctionKind kind, int argumentColumn, int offset,
    int defaultColumn, WindowFrame frame, Field outputField) {

  public WindowFunction {
    Objects.requireNonNull(kind, "kind is null");
    Objects.requireNonNull(frame, "frame is null");
    Objects.requireNonNull(outputField, "outputField is null");
  }

  @Override
  public String toString() {
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
