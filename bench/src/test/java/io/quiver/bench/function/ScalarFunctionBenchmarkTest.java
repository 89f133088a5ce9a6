package io.quiver.bench.function;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScalarFunctionBenchmarkTest {
  private static final int ROWS = 10_000;

  @Test
  void verify() {
    long expected = 0;
    for (long row = 0; row < ROWS; row++) {
      expected += FunctionBenchmarkTable.x(row) + 1;
    }
    ScalarFunctionBenchmark benchmark = new ScalarFunctionBenchmark();
    benchmark.rows = ROWS;
    // Several batches per query, the last one partial.
    benchmark.batchSize = 4096;
    benchmark.setUp();
    try {
      assertThat(benchmark.builtinPlusOne()).isEqualTo(expected);
      assertThat(benchmark.vectorisedPlusOne()).isEqualTo(expected);
      assertThat(benchmark.vectorisedCheckedPlusOne()).isEqualTo(expected);
      assertThat(benchmark.allocator().getAllocatedMemory())
          .isEqualTo(benchmark.tableAllocator().getAllocatedMemory());
    } finally {
      benchmark.tearDown();
    }
    assertThat(benchmark.allocator().getAllocatedMemory()).isZero();
  }
}
