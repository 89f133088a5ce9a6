package io.quiver.engine.function.builtin;

/**
 * Marks a built-in the planner knows natively: its SQL operator comes from Calcite (so rules
 * that recognise SUM or UPPER still apply) and the engine may compile it inline, but it is
 * listed in the registry like any function and a session or plugin function of the same name
 * shadows it.
 */
public interface PlannerIntrinsic {}
