package io.quiver.bench.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class AggregateKernelBenchmarkTest {
  private static final int ROWS = 10_000;

  @Test
  void verify() {
    long sum = 0;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    long count = 0;
    long decimalSum = 0;
    long decimalMin = Long.MAX_VALUE;
    long decimalMax = Long.MIN_VALUE;
    for (int row = 0; row < ROWS; row++) {
      Long v = KernelBenchmarkData.v(row);
      if (v != null) {
        sum += v;
        min = Math.min(min, v);
        max = Math.max(max, v);
        count++;
      }
      Long a = KernelBenchmarkData.a(row);
      if (a != null) {
        decimalSum += a;
        decimalMin = Math.min(decimalMin, a);
        decimalMax = Math.max(decimalMax, a);
      }
    }
    assertThat(count).isLessThan(ROWS);

    AggregateKernelBenchmark benchmark = new AggregateKernelBenchmark();
    benchmark.rows = ROWS;
    benchmark.batchSize = 1024;
    benchmark.setUp();
    try {
      assertThat(benchmark.bigintSumMinMax()).containsExactly(sum, min, max, count);
      List<Object> decimals = benchmark.decimalSumMinMax();
      assertThat((BigDecimal) decimals.get(0)).isEqualByComparingTo(
          BigDecimal.valueOf(decimalSum, 2));
      assertThat((BigDecimal) decimals.get(1)).isEqualByComparingTo(
          BigDecimal.valueOf(decimalMin, 2));
      assertThat((BigDecimal) decimals.get(2)).isEqualByComparingTo(
          BigDecimal.valueOf(decimalMax, 2));
      assertThat(benchmark.allocator().getAllocatedMemory())
          .isEqualTo(benchmark.tableAllocator().getAllocatedMemory());
    } finally {
      benchmark.tearDown();
    }
    assertThat(benchmark.allocator().getAllocatedMemory()).isZero();
  }
}
