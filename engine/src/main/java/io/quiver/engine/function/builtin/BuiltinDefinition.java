package io.quiver.engine.function.builtin;

import io.quiver.udf.function.FunctionDefinition;
import io.quiver.udf.function.Signature;
import java.util.Objects;

/**
 * The name, signature and description of a built-in function, fixed when it is made. A built-in
 * of any kind extends this and implements its kind's interface ({@code ScalarFunction},
 * {@code AggregateFunction}, ...), which supplies {@link #kind()}.
 */
public abstract class BuiltinDefinition implements FunctionDefinition {
  private final String name;
  private final Signature signature;
  private final String description;

  protected BuiltinDefinition(String name, Signature signature, String description) {
    this.name = Objects.requireNonNull(name, "name is null");
    this.signature = Objects.requireNonNull(signature, "signature is null");
    this.description = Objects.requireNonNull(description, "description is null");
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Signature signature() {
    return signature;
  }

  @Override
  public final String description() {
    return description;
  }
}
