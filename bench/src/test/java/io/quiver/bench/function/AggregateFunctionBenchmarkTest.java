package io.quiver.bench.function;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AggregateFunctionBenchmarkTest {
  private static final int ROWS = 10_000;
  private static final int GROUPS = 100;

  private final long[] sums = new long[GROUPS];
  private final long[] sumsOfSquares = new long[GROUPS];

  AggregateFunctionBenchmarkTest() {
    for (long row = 0; row < ROWS; row++) {
      int group = (int) FunctionBenchmarkTable.k(row, GROUPS);
      long x = FunctionBenchmarkTable.x(row);
      sums[group] += x;
      sumsOfSquares[group] += x * x;
    }
  }

  @Test
  void verify() {
    AggregateFunctionBenchmark benchmark = smallBenchmark();
    try {
      assertThat(benchmark.builtinSum()).isEqualTo(weightedSum(sums));
      assertThat(benchmark.builtinSumOfSquares()).isEqualTo(weightedSum(sumsOfSquares));
      assertThat(benchmark.userSumOfSquares()).isEqualTo(weightedSum(sumsOfSquares));
      assertThat(benchmark.allocator().getAllocatedMemory())
          .isEqualTo(benchmark.tableAllocator().getAllocatedMemory());
    } finally {
      benchmark.tearDown();
    }
    assertThat(benchmark.allocator().getAllocatedMemory()).isZero();
  }

  private static AggregateFunctionBenchmark smallBenchmark() {
    AggregateFunctionBenchmark benchmark = new AggregateFunctionBenchmark();
    benchmark.rows = ROWS;
    benchmark.groups = GROUPS;
    benchmark.batchSize = 4096;
    benchmark.setUp();
    return benchmark;
  }

  /** {@link ResultChecksums#weightedSum} of the rows (k, value); every group has rows here. */
  private static long weightedSum(long[] values) {
    long sum = 0;
    for (int group = 0; group < values.length; group++) {
      sum += (group + 1L) * values[group];
    }
    return sum;
  }
}
