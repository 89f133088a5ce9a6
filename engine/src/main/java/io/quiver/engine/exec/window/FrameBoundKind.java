package io.quiver.engine.exec.window;

/** The kinds of window frame bounds. */
public enum FrameBoundKind {
  UNBOUNDED_PRECEDING,
  PRECEDING,
  CURRENT_ROW,
  FOLLOWING,
  UNBOUNDED_FOLLOWING
}
