package io.quiver.engine.exec.aggregate;

import org.apache.arrow.vector.FieldVector;

/**
 * The running state of one aggregate call for every group, held in primitive arrays indexed
 * by group id.
 */
interface Accumulator {

  /** Makes room for groups {@code [0, groupCount)}; new groups start empty. */
  void ensureCapacity(int groupCount);

  /**
   * Adds the rows {@code rows[0..count)} of {@code argument} (null for COUNT(*)) to the groups
   * {@code groupIds[row]}.
   */
  void update(FieldVector argument, int[] rows, int count, int[] groupIds);

  /** Writes the final value of groups {@code [0, groupCount)} into {@code output}. */
  void write(FieldVector output, int groupCount);
}
