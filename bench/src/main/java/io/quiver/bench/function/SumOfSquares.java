package io.quiver.bench.function;

import io.quiver.udf.function.AggregateContext;
import io.quiver.udf.function.AggregateFunction;
import io.quiver.udf.function.GroupAccumulator;
import io.quiver.udf.function.Signature;
import io.quiver.udf.function.Types;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * {@code sum_sq(BIGINT) -> BIGINT}: the sum of the squares of the non-NULL values, NULL for a
 * group without any; overflow is an error, as for the built-in {@code SUM(x * x)}. The state is
 * two primitive arrays indexed by group id (sum, and whether the group saw a value): no boxing.
 */
public final class SumOfSquares implements AggregateFunction {
  private static final Signature SIGNATURE = Signature.of(Types.BIGINT, Types.BIGINT);

  private final String name;

  public SumOfSquares(String name) {
    this.name = Objects.requireNonNull(name, "name is null");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Signature signature() {
    return SIGNATURE;
  }

  /** The partial sum and the number of values summed (0 when the group is still empty). */
  @Override
  public List<Field> stateFields(List<ArrowType> argumentTypes) {
    return List.of(new Field("sum", FieldType.notNullable(Types.BIGINT), null),
        new Field("count", FieldType.notNullable(Types.BIGINT), null));
  }

  @Override
  public GroupAccumulator createAccumulator(AggregateContext context) {
    return new Accumulator();
  }

  @Override
  public String toString() {
    return name + SIGNATURE;
  }

  private static final class Accumulator implements GroupAccumulator {
    private long[] sums = new long[16];
    private long[] counts = new long[16];

    private void ensureCapacity(int groupCount) {
      if (sums.length < groupCount) {
        int capacity = Math.max(groupCount, sums.length * 2);
        sums = Arrays.copyOf(sums, capacity);
        counts = Arrays.copyOf(counts, capacity);
      }
    }

    @Override
    public void update(FieldVector[] arguments, int[] rows, int count, int[] groupIds,
        int groupCount) {
      ensureCapacity(groupCount);
      BigIntVector values = (BigIntVector) arguments[0];
      ArrowBuf data = values.getDataBuffer();
      long[] sums = this.sums;
      long[] counts = this.counts;
      boolean noNulls = values.getNullCount() == 0;
      for (int i = 0; i < count; i++) {
        int row = rows[i];
        if (noNulls || !values.isNull(row)) {
          long value = data.getLong((long) row * BigIntVector.TYPE_WIDTH);
          int group = groupIds[row];
          sums[group] = Math.addExact(sums[group], Math.multiplyExact(value, value));
          counts[group]++;
        }
      }
    }

    @Override
    public void writeState(FieldVector[] state, int groupCount) {
      ensureCapacity(groupCount);
      BigIntVector sumState = (BigIntVector) state[0];
      BigIntVector countState = (BigIntVector) state[1];
      // The host allocates the state vectors for every group and sets their value counts;
      // setSafe only grows a vector that came without room.
      for (int group = 0; group < groupCount; group++) {
        sumState.setSafe(group, sums[group]);
        countState.setSafe(group, counts[group]);
      }
    }

    @Override
    public void merge(FieldVector[] state, int rowCount, int[] groupIds, int groupCount) {
      ensureCapacity(groupCount);
      BigIntVector sumState = (BigIntVector) state[0];
      BigIntVector countState = (BigIntVector) state[1];
      for (int row = 0; row < rowCount; row++) {
        int group = groupIds[row];
        sums[group] = Math.addExact(sums[group], sumState.get(row));
        counts[group] += countState.get(row);
      }
    }

    @Override
    public void finish(FieldVector result, int groupCount) {
      ensureCapacity(groupCount);
      BigIntVector values = (BigIntVector) result;
      for (int group = 0; group < groupCount; group++) {
        if (counts[group] == 0) {
          values.setNull(group);
        } else {
          values.set(group, sums[group]);
        }
      }
    }
  }
}
