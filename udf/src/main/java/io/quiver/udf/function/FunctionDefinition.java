package io.quiver.udf.function;

/**
 * What every function has: a name (matched case-insensitively), a signature and a kind. A
 * name may have several definitions with different signatures (overloads).
 */
public interface FunctionDefinition {

  String name();

  Signature signature();

  FunctionKind kind();

  /** One line for {@code quiver_functions()}; empty by default. */
  default String description() {
    return "";
  }
}
