package io.quiver.udf.function;

import org.apache.arrow.vector.FieldVector;

/**
 * The running state of one aggregate call for every group, indexed by dense group ids
 * {@code 0..groupCount-1}. New groups start empty (the state of an empty group must finish to
 * the aggregate of no rows, usually NULL).
 */
public interface GroupAccumulator extends AutoCloseable {

  /**
   * Adds rows {@code rows[0..count)} of the argument vectors to groups {@code groupIds[row]}.
   * Groups {@code [0, groupCount)} may be referenced.
   */
  void update(FieldVector[] arguments, int[] rows, int count, int[] groupIds, int groupCount);

  /** Writes the state of groups {@code [0, groupCount)} into vectors of the state fields. */
  void writeState(FieldVector[] state, int groupCount);

  /** Merges partial states: row {@code r} of {@code state} goes into group {@code groupIds[r]}. */
  void merge(FieldVector[] state, int rowCount, int[] groupIds, int groupCount);

  /**
   * Writes the final value of groups {@code [0, groupCount)} into {@code result} (allocated by
   * the host with room for {@code groupCount} rows; the host sets the value count).
   */
  void finish(FieldVector result, int groupCount);

  @Override
  default void close() {}
}
