package io.quiver.engine.exec.aggregate;

import io.quiver.udf.function.GroupAccumulator;
import org.apache.arrow.vector.FieldVector;

/**
 * A built-in accumulator that can take a batch group by group ({@link RowsByGroup}) as well as
 * row by row. Only accumulators whose result does not depend on the order of rows implement it
 * (counts, exact integer and decimal sums): floating-point sums would round differently.
 */
public interface GroupRunAccumulator extends GroupAccumulator {
  /**
   * Adds every row of {@code byGroup} (none NULL in any argument, none filtered out) to its
   * group; {@code byGroup.groupCount()} is the number of groups so far, as in {@link #update}.
   */
  void updateRuns(FieldVector[] arguments, RowsByGroup byGroup);
}
