package io.quiver.engine.function;

import io.quiver.udf.function.FunctionDefinition;

/** A function definition with where it was registered from. */
public record RegisteredFunction(FunctionDefinition definition, FunctionSource source) {

  public String name() {
    return definition.name();
  }

  /** For messages: {@code name(BIGINT) -> BIGINT [session]}. */
  public String describe() {
    return definition.name() + definition.signature() + " [" + source + "]";
  }
}
