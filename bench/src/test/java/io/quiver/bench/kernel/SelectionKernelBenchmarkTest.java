package io.quiver.bench.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SelectionKernelBenchmarkTest {
  private static final int ROWS = 10_000;

  @Test
  void verify() {
    SelectionKernelBenchmark benchmark = new SelectionKernelBenchmark();
    benchmark.rows = ROWS;
    benchmark.setUp();
    try {
      int count = benchmark.selectTrue();
      int expected = 0;
      for (int row = 0; row < ROWS; row++) {
        if (benchmark.flags()[row] == 1) {
          assertThat(benchmark.selection()[expected]).isEqualTo(row);
          expected++;
        }
      }
      assertThat(count).isEqualTo(expected).isBetween(ROWS * 4 / 10, ROWS * 6 / 10);

      long negatives = 0;
      for (int row = 0; row < ROWS; row++) {
        Long value = KernelBenchmarkData.v(row);
        if (value != null && value < 0) {
          negatives++;
        }
      }
      assertThat(benchmark.compareSql()).isEqualTo(negatives);
      assertThat(benchmark.allocator().getAllocatedMemory())
          .isEqualTo(benchmark.tableAllocator().getAllocatedMemory());
    } finally {
      benchmark.tearDown();
    }
    assertThat(benchmark.allocator().getAllocatedMemory()).isZero();
  }
}
