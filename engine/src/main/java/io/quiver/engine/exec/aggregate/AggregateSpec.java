package io.quiver.engine.exec.aggregate;

import org.apache.arrow.vector.types.pojo.Field;

/**
 * One aggregate call of a hash aggregate: the function, its argument column (-1 for none), a
 * boolean FILTER column (-1 for none), DISTINCT, the output field and, for LITERAL, the value.
 */
public record AggregateSpec(AggregateFunctionKind kind, int argument, int filterColumn,
    boolean distinct, Field output, Object literal) {}
