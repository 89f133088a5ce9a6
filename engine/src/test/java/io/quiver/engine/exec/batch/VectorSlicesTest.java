package io.quiver.engine.exec.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.exec.AllTypes;
import io.quiver.engine.exec.AllocatorTestBase;
import io.quiver.engine.exec.TestBatches;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

class VectorSlicesTest extends AllocatorTestBase {
  @Test
  void slicesOutliveTheSourceAllocator() {
    int rows = 150;
    for (int start : new int[] {0, 1, 8, 13, 64, 149}) {
      for (int length : new int[] {0, 1, 7, 8, 9, 70}) {
        if (start + length > rows) {
          continue;
        }
        BufferAllocator sourceAllocator = allocator.newChildAllocator("source", 0, Long.MAX_VALUE);
        BufferAllocator sliceAllocator = allocator.newChildAllocator("slice", 0, Long.MAX_VALUE);
        VectorSchemaRoot slice;
        List<List<Object>> expected;
        try (VectorSchemaRoot source =
            TestBatches.batch(sourceAllocator, AllTypes.SCHEMA, AllTypes.rows(0, rows))) {
          expected = TestBatches.rows(source).subList(start, start + length);
          slice = VectorSlices.slice(source, start, length, sliceAllocator);
        }
        // The source allocator must hold nothing once the source batch is closed.
        sourceAllocator.close();
        assertThat(slice.getRowCount()).isEqualTo(length);
        assertThat(TestBatches.rows(slice)).as("start %d length %d", start, length)
            .isEqualTo(expected);
        slice.close();
        sliceAllocator.close();
      }
    }
  }
}
