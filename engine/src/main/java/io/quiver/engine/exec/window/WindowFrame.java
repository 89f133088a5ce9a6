package io.quiver.engine.exec.window;

import java.util.Objects;

/**
 * A window frame: {@code ROWS} (physical rows) or {@code RANGE} (by order-key value, where
 * {@code CURRENT ROW} includes the current row's peers) between two bounds, as in PostgreSQL.
 */
public record WindowFrame(boolean rows, FrameBound lower, FrameBound upper) {

  public WindowFrame {
    Objects.requireNonNull(lower, "lower is null");
    Objects.requireNonNull(upper, "upper is null");
  }

  /**
   * The SQL default frame: with ORDER BY, {@code RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT
   * ROW} (the current row's peers included); without, the whole partition.
   */
  public static WindowFrame defaultFrame(boolean hasOrderBy) {
    return new WindowFrame(false, FrameBound.UNBOUNDED_PRECEDING,
        hasOrderBy ? FrameBound.CURRENT_ROW : FrameBound.UNBOUNDED_FOLLOWING);
  }

  @Override
  public String toString() {
    return (rows ? "ROWS" : "RANGE") + " BETWEEN " + lower + " AND " + upper;
  }
}
