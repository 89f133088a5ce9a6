package io.quiver.engine.exec.window;

import java.util.Objects;

/**
 * One bound of a window frame. {@code offset} is used by {@link FrameBoundKind#PRECEDING} and
 * {@link FrameBoundKind#FOLLOWING}: a row count in ROWS mode, a distance in the units of the
 * order key in RANGE mode (days for DATE, microseconds for TIMESTAMP and TIME).
 */
public record FrameBound(FrameBoundKind kind, long offset) {

  public static final FrameBound UNBOUNDED_PRECEDING =
      new FrameBound(FrameBoundKind.UNBOUNDED_PRECEDING, 0);
  public static final FrameBound CURRENT_ROW = new FrameBound(FrameBoundKind.CURRENT_ROW, 0);
  public static final FrameBound UNBOUNDED_FOLLOWING =
      new FrameBound(FrameBoundKind.UNBOUNDED_FOLLOWING, 0);

  public FrameBound {
    Objects.requireNonNull(kind, "kind is null");
    if (offset < 0) {
      throw new IllegalArgumentException("frame offset must not be negative: " + offset);
    }
  }

  public static FrameBound preceding(long offset) {
    return new FrameBound(FrameBoundKind.PRECEDING, offset);
  }

  public static FrameBound following(long offset) {
    return new FrameBound(FrameBoundKind.FOLLOWING, offset);
  }

  public boolean hasOffset() {
    return kind == FrameBoundKind.PRECEDING || kind == FrameBoundKind.FOLLOWING;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case UNBOUNDED_PRECEDING -> "UNBOUNDED PRECEDING";
      case PRECEDING -> offset + " PRECEDING";
      case CURRENT_ROW -> "CURRENT ROW";
      case FOLLOWING -> offset + " FOLLOWING";
      case UNBOUNDED_FOLLOWING -> "UNBOUNDED FOLLOWING";
    };
  }
}
