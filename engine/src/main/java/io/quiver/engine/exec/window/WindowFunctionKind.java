package io.quiver.engine.exec.window;

/** The window functions the {@link io.quiver.engine.exec.operator.WindowOperator} computes. */
public enum WindowFunctionKind {
  ROW_NUMBER,
  RANK,
  DENSE_RANK,
  PERCENT_RANK,
  CUME_DIST,
  /** Bucket count from the argument column (read at the partition's first row) or offset. */
  NTILE,
  LAG,
  LEAD,
  FIRST_VALUE,
  LAST_VALUE,
  /** The n-th row of the frame, n given as the function's offset (1-based). */
  NTH_VALUE,
  SUM,
  COUNT,
  COUNT_STAR,
  AVG,
  MIN,
  MAX,
  /** A registry aggregate (user, plugin, or a built-in reached by name) over each frame. */
  AGGREGATE_FUNCTION,
  /** A registry window function, called once per partition. */
  WINDOW_FUNCTION;

  /** Whether the function's result depends on the frame (the others ignore it, as in SQL). */
  public boolean usesFrame() {
    return switch (this) {
      case FIRST_VALUE, LAST_VALUE, NTH_VALUE, SUM, COUNT, COUNT_STAR, AVG, MIN, MAX,
          AGGREGATE_FUNCTION, WINDOW_FUNCTION -> true;
      default -> false;
    };
  }
}
