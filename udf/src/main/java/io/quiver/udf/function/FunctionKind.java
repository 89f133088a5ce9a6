package io.quiver.udf.function;

/** The four kinds of function the registry holds. */
public enum FunctionKind {
  SCALAR,
  AGGREGATE,
  WINDOW,
  TABLE
}
