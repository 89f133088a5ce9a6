package io.quiver.engine.exec.operator;

/** The join types the hash join evaluates. SEMI and ANTI return only the left columns. */
public enum JoinKind {
  INNER, LEFT, RIGHT, FULL, SEMI, ANTI
}
