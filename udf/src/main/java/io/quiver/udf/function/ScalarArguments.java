package io.quiver.udf.function;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The arguments of one vectorised call: one vector per argument, each {@link #rowCount()} rows
 * long, already widened to the resolved argument types. The vectors belong to the host; read
 * them, never close or modify them.
 */
public interface ScalarArguments {

  int rowCount();

  int size();

  FieldVector vector(int index);

  /** The argument's (resolved) type. */
  ArrowType type(int index);

  /** Whether the argument is the same constant on every row (its vector still has every row). */
  boolean isConstant(int index);

  /** The field the result must have (name and resolved return type). */
  Field resultField();

  /** Where to allocate the result. */
  BufferAllocator allocator();

  /**
   * A new, empty result vector of {@link #resultField()} with room for {@link #rowCount()}
   * rows. The function fills it, sets its value count and returns it; ownership passes to the
   * host on return.
   */
  FieldVector newResult();
}
