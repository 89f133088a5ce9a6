package io.quiver.engine.function.builtin.aggregate;

import io.quiver.udf.convert.JavaValueWriter;
import io.quiver.udf.function.GroupAccumulator;
import org.apache.arrow.vector.FieldVector;

/** Writes {@link LiteralFunction}'s constant for every group; rows change nothing. */
final class LiteralAccumulator implements GroupAccumulator {
  private final Object value;

  LiteralAccumulator(Object value) {
    this.value = value;
  }

  @Override
  public void update(FieldVector[] arguments, int[] rows, int count, int[] groupIds,
      int groupCount) {}

  @Override
  public void writeState(FieldVector[] state, int groupCount) {}

  @Override
  public void merge(FieldVector[] state, int rowCount, int[] groupIds, int groupCount) {}

  @Override
  public void finish(FieldVector result, int groupCount) {
    for (int group = 0; group < groupCount; group++) {
      JavaValueWriter.write(result, group, value);
    }
  }
}
