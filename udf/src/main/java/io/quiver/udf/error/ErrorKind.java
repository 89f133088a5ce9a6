package io.quiver.udf.error;

/** The category of a {@link QuiverException}: tells a caller who must act (see ARCHITECTURE.md). */
public enum ErrorKind {
  /** SQL text that does not parse. */
  PARSE,
  /** A statement that parses but cannot be planned: unknown table, column or function. */
  PLAN,
  /** Operand types that do not fit an operator or function. */
  TYPE,
  /** A failure while running a query: overflow, division by zero, bad cast at run time. */
  EXECUTION,
  /** A user-supplied function threw or returned something malformed. */
  USER_FUNCTION,
  /** A plugin failed to load or export. */
  PLUGIN,
  /** Input data or a payload is malformed. */
  DATA,
  /** A file or stream could not be read or written. */
  IO,
  /** A path or feature the session does not allow. */
  ACCESS,
  /** A feature Quiver does not implement. */
  UNSUPPORTED,
  /** A resource limit was reached, for example the session memory limit. */
  RESOURCE,
  /** A native kernel failed. */
  NATIVE,
  /** A bug in Quiver. */
  INTERNAL
}
