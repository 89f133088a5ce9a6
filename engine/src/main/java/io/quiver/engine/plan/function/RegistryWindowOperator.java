package io.quiver.engine.plan.function;

/** A window function of the registry as a Calcite operator; it needs an OVER clause. */
public final class RegistryWindowOperator extends RegistryAggOperator {

  RegistryWindowOperator(String name, RegistryCallTyping typing) {
    super(name, typing, true);
  }
}
