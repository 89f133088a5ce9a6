package io.quiver.udf.function;

import org.apache.arrow.vector.FieldVector;

/**
 * A user-defined window function: called once per partition, it writes one value per row. A
 * rank-like function reads the peer groups (rows equal in the window's ORDER BY); a value-like
 * function reads each row's frame.
 */
public interface WindowFunction extends FunctionDefinition {

  /**
   * Writes rows {@code [0, partition.rowCount())} of {@code result}, which the host allocated
   * with room for them (the host sets the value count).
   */
  void evaluate(WindowPartition partition, FieldVector result);

  @Override
  default FunctionKind kind() {
    return FunctionKind.WINDOW;
  }
}
