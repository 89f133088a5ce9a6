package io.quiver.udf.function;

/** What a NULL argument does. */
public enum NullHandling {
  /**
   * A NULL argument gives a NULL result without a call: row-wise functions are not called for
   * such rows, and the host sets NULL wherever an argument is NULL in a vectorised result.
   */
  STRICT,
  /** The function sees NULL arguments and decides itself. */
  CALLED_ON_NULL
}
