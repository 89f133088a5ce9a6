package io.quiver.bench.function;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RowFunctionBenchmarkTest {
  private static final int ROWS = 10_000;

  @Test
  void verify() {
    long expected = 0;
    for (long row = 0; row < ROWS; row++) {
      expected += FunctionBenchmarkTable.x(row) + 1;
    }
    RowFunctionBenchmark benchmark = new RowFunctionBenchmark();
    benchmark.rows = ROWS;
    benchmark.batchSize = 4096;
    benchmark.setUp();
    try {
      assertThat(benchmark.boxedPlusOne()).isEqualTo(expected);
      assertThat(benchmark.primitivePlusOne()).isEqualTo(expected);
      assertThat(benchmark.allocator().getAllocatedMemory())
          .isEqualTo(benchmark.tableAllocator().getAllocatedMemory());
    } finally {
      benchmark.tearDown();
    }
    assertThat(benchmark.allocator().getAllocatedMemory()).isZero();
  }
}
