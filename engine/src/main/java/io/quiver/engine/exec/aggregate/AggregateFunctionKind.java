package io.quiver.engine.exec.aggregate;

/** The built-in aggregate functions the hash aggregate evaluates. */
public enum AggregateFunctionKind {
  COUNT_STAR, COUNT, SUM, SUM0, AVG, MIN, MAX, SINGLE_VALUE, ANY_VALUE, LITERAL
}
