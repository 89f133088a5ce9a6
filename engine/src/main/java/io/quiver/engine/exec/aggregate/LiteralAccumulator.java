package io.quiver.engine.exec.aggregate;

import io.quiver.udf.convert.JavaValueWriter;
import org.apache.arrow.vector.FieldVector;

/** LITERAL_AGG: the same constant for every group (used by Calcite's subquery rewrites). */
final class LiteralAccumulator implements Accumulator {
  private final Object value;

  LiteralAccumulator(Object value) {
    this.value = value;
  }

  @Override
  public void ensureCapacity(int groupCount) {}

  @Override
  public void update(FieldVector argument, int[] rows, int count, int[] groupIds) {}

  @Override
  public void write(FieldVector output, int groupCount) {
    output.setInitialCapacity(groupCount);
    output.allocateNew();
    for (int group = 0; group < groupCount; group++) {
      JavaValueWriter.write(output, group, value);
    }
    output.setValueCount(groupCount);
  }
}
