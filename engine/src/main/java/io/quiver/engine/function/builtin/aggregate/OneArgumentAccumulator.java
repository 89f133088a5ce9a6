package io.quiver.engine.function.builtin.aggregate;

import io.quiver.udf.function.GroupAccumulator;
import org.apache.arrow.vector.FieldVector;

/**
 * An accumulator of a one-argument built-in aggregate whose groups live in arrays: {@code update}
 * makes room for the groups, then hands the argument's rows to {@link #add}, once per batch (the
 * per-row loop is the subclass's).
 */
abstract class OneArgumentAccumulator implements GroupAccumulator {

  /** Makes room for {@code groupCount} groups. */
  abstract void grow(int groupCount);

  /**
   * Adds rows {@code rows[0..count)} ({@code count > 0}) of {@code values}, none NULL, to their
   * groups ({@code groupIds[row]}).
   */
  abstract void add(FieldVector values, int[] rows, int count, int[] groupIds);

  @Override
  public final void update(FieldVector[] arguments, int[] rows, int count, int[] groupIds,
      int groupCount) {
    grow(groupCount);
    if (count > 0) {
      add(arguments[0], rows, count, groupIds);
    }
  }
}
