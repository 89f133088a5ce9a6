package io.quiver.bench.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.udf.function.AggregateContext;
import io.quiver.udf.function.GroupAccumulator;
import io.quiver.udf.function.Types;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The accumulator through its contract directly, while SQL cannot call user aggregates yet. */
class SumOfSquaresTest {
  private final SumOfSquares function = new SumOfSquares("sum_sq");
  private BufferAllocator allocator;

  @BeforeEach
  void openAllocator() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void closeAllocator() {
    assertThat(allocator.getAllocatedMemory()).isZero();
    allocator.close();
  }

  @Test
  void sumsSquaresPerGroupSkippingNullsAndUnselectedRows() {
    try (BigIntVector values = values(3L, null, -4L, 2L, 10L);
         BigIntVector result = result(3);
         GroupAccumulator accumulator = function.createAccumulator(context())) {
      int[] groupIds = {0, 0, 0, 1, 1};

      // Row 4 is not selected; group 2 gets no row.
      accumulator.update(new FieldVector[] {values}, new int[] {0, 1, 2, 3}, 4, groupIds, 3);
      accumulator.finish(result, 3);
      result.setValueCount(3);

      assertThat(result.getObject(0)).isEqualTo(25L);
      assertThat(result.getObject(1)).isEqualTo(4L);
      assertThat(result.isNull(2)).isTrue();
    }
  }

  @Test
  void partialStatesMergeIntoTheSameResult() {
    try (BigIntVector first = values(1L, 2L, 3L);
         BigIntVector second = values(5L, null);
         BigIntVector sumState = result(2);
         BigIntVector countState = result(2);
         BigIntVector result = result(2);
         GroupAccumulator left = function.createAccumulator(context());
         GroupAccumulator right = function.createAccumulator(context())) {
      left.update(new FieldVector[] {first}, new int[] {0, 1, 2}, 3, new int[] {0, 1, 0}, 2);
      right.update(new FieldVector[] {second}, new int[] {0, 1}, 2, new int[] {0, 1}, 2);

      FieldVector[] state = {sumState, countState};
      right.writeState(state, 2);
      sumState.setValueCount(2);
      countState.setValueCount(2);
      // Right's group r is left's group 1 - r.
      left.merge(state, 2, new int[] {1, 0}, 2);
      left.finish(result, 2);
      result.setValueCount(2);

      assertThat(result.getObject(0)).isEqualTo(10L);
      assertThat(result.getObject(1)).isEqualTo(29L);
    }
  }

  @Test
  void overflowIsAnError() {
    try (BigIntVector values = values(3_037_000_500L);
         GroupAccumulator accumulator = function.createAccumulator(context())) {
      assertThatThrownBy(() -> accumulator.update(new FieldVector[] {values}, new int[] {0}, 1,
          new int[] {0}, 1)).isInstanceOf(ArithmeticException.class);
    }
  }

  private BigIntVector values(Long... values) {
    BigIntVector vector = new BigIntVector("x", allocator);
    vector.allocateNew(values.length);
    for (int row = 0; row < values.length; row++) {
      if (values[row] == null) {
        vector.setNull(row);
      } else {
        vector.set(row, values[row]);
      }
    }
    vector.setValueCount(values.length);
    return vector;
  }

  /** A vector with room for {@code groups} values, as the host allocates results and states. */
  private BigIntVector result(int groups) {
    BigIntVector vector = new BigIntVector("groups", allocator);
    vector.allocateNew(groups);
    return vector;
  }

  private AggregateContext context() {
    return new AggregateContext() {
      @Override
      public List<ArrowType> argumentTypes() {
        return List.of(Types.BIGINT);
      }

      @Override
      public Field resultField() {
        return new Field("sum_sq", FieldType.nullable(Types.BIGINT), null);
      }

      @Override
      public BufferAllocator allocator() {
        return allocator;
      }
    };
  }
}
