package io.quiver.engine.function.builtin.aggregate;

import io.quiver.engine.exec.batch.VectorGather;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.GroupAccumulator;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * The state of {@link SingleValueFunction}: the rows seen per group and, for any type, the
 * values in an Arrow vector appended in arrival order (each group holds at most one, so the
 * vector holds at most one value per group; variable-width vectors must be written in order).
 * A group points at its value's position, -1 for NULL.
 */
final class SingleValueAccumulator implements GroupAccumulator {
  private final FieldVector values;
  private int valueCount;
  private long[] rowsSeen = new long[GroupArrays.INITIAL];
  private int[] positions = GroupArrays.grow(new int[0], GroupArrays.INITIAL, -1);

  SingleValueAccumulator(ArrowType type, BufferAllocator allocator) {
    values = type instanceof ArrowType.Null ? null
        : new Field("value", FieldType.nullable(type), null).createVector(allocator);
  }

  private void grow(int groupCount) {
    rowsSeen = GroupArrays.grow(rowsSeen, groupCount);
    positions = GroupArrays.grow(positions, groupCount, -1);
  }

  private static QuiverException tooManyRows() {
    return new QuiverException(ErrorKind.EXECUTION,
        "more than one row returned by a subquery used as an expression");
  }

  private void keep(int group, FieldVector source, int row) {
    if (values == null || source.isNull(row)) {
      return;
    }
    values.copyFromSafe(row, valueCount, source);
    positions[group] = valueCount++;
    values.setValueCount(valueCount);
  }

  @Override
  public void update(FieldVector[] arguments, int[] rows, int count, int[] groupIds,
      int groupCount) {
    grow(groupCount);
    FieldVector argument = arguments[0];
    for (int i = 0; i < count; i++) {
      int row = rows[i];
      int group = groupIds[row];
      if (rowsSeen[group]++ > 0) {
        throw tooManyRows();
      }
      keep(group, argument, row);
    }
  }

  @Override
  public void writeState(FieldVector[] state, int groupCount) {
    finish(state[0], groupCount);
    BigIntVector rows = (BigIntVector) state[1];
    for (int group = 0; group < groupCount; group++) {
      rows.set(group, rowsSeen[group]);
    }
  }

  @Override
  public void merge(FieldVector[] state, int rowCount, int[] groupIds, int groupCount) {
    grow(groupCount);
    BigIntVector rows = (BigIntVector) state[1];
    for (int row = 0; row < rowCount; row++) {
      long seen = rows.isNull(row) ? 0 : rows.get(row);
      if (seen == 0) {
        continue;
      }
      int group = groupIds[row];
      if (rowsSeen[group] + seen > 1) {
        throw tooManyRows();
      }
      rowsSeen[group] += seen;
      keep(group, state[0], row);
    }
  }

  @Override
  public void finish(FieldVector result, int groupCount) {
    grow(groupCount);
    if (values == null || result instanceof NullVector) {
      return;
    }
    VectorGather.gather(values, positions, groupCount, result);
  }

  @Override
  public void close() {
    if (values != null) {
      values.close();
    }
  }
}
