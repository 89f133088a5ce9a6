package io.quiver.udf.function;

/** How a function's result depends on anything but its arguments. */
public enum Volatility {
  /** Same arguments, same result, always: calls with constant arguments are folded at plan time. */
  IMMUTABLE,
  /** Same result within one statement (for example the current time): never folded. */
  STABLE,
  /** May differ on every call (for example a random number): never folded or deduplicated. */
  VOLATILE
}
