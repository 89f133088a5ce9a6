package io.quiver.engine.exec.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.exec.AllTypes;
import io.quiver.engine.exec.AllocatorTestBase;
import io.quiver.engine.exec.ExecutionContext;
import io.quiver.engine.exec.Operator;
import io.quiver.engine.exec.TestBatches;
import io.quiver.engine.kernel.JavaKernels;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

class BatchAccumulatorTest extends AllocatorTestBase {
  @Test
  void appendsBatchesOfOddSizesWithNulls() {
    int[] sizes = {3, 0, 5, 70, 1, 64, 130, 2, 1500, 900, 17, 3000};
    List<VectorSchemaRoot> batches = new ArrayList<>();
    List<List<Object>> expected = new ArrayList<>();
    int start = 0;
    for (int size : sizes) {
      batches.add(TestBatches.batch(allocator, AllTypes.SCHEMA, AllTypes.rows(start, size)));
      expected.addAll(TestBatches.rows(batches.get(batches.size() - 1)));
      start += size;
    }
    try (BatchAccumulator accumulator = new BatchAccumulator(AllTypes.SCHEMA, allocator)) {
      for (VectorSchemaRoot batch : batches) {
        accumulator.append(batch);
        assertThat(accumulator.root().getRowCount()).isEqualTo(accumulator.rowCount());
      }
      assertThat(accumulator.rowCount()).isEqualTo(start);
      assertThat(TestBatches.rows(accumulator.root())).isEqualTo(expected);
    } finally {
      batches.forEach(VectorSchemaRoot::close);
    }
  }

  @Test
  void appendsSlicesOfAScan() {
    // batch size 3 slices the table at offsets that are not multiples of 8
    try (VectorSchemaRoot table =
            TestBatches.batch(allocator, AllTypes.SCHEMA, AllTypes.rows(0, 100));
        ExecutionContext context = new ExecutionContext(
            allocator.newChildAllocator("query", 0, Long.MAX_VALUE), 3, JavaKernels.INSTANCE);
        BatchAccumulator accumulator = new BatchAccumulator(AllTypes.SCHEMA, allocator);
        Operator scan = TestBatches.scan(context, AllTypes.SCHEMA, List.of(table))) {
      VectorSchemaRoot batch;
      while ((batch = scan.next()) != null) {
        accumulator.append(batch);
      }
      assertThat(TestBatches.rows(accumulator.root())).isEqualTo(TestBatches.rows(table));
    }
  }

  @Test
  void emptyAccumulatorHasAnEmptyRoot() {
    try (BatchAccumulator accumulator = new BatchAccumulator(AllTypes.SCHEMA, allocator)) {
      assertThat(accumulator.rowCount()).isZero();
      assertThat(accumulator.root().getRowCount()).isZero();
      assertThat(accumulator.root().getSchema()).isEqualTo(AllTypes.SCHEMA);
    }
  }
}
