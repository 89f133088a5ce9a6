package io.quiver.engine.plan.function;

/**
 * An aggregate of the registry as a Calcite operator: usable with GROUP BY, DISTINCT, FILTER
 * and OVER. The hash aggregate and window operators run its accumulator.
 */
public final class RegistryAggregateOperator extends RegistryAggOperator {

  RegistryAggregateOperator(String name, RegistryCallTyping typing) {
    super(name, typing, false);
  }
}
