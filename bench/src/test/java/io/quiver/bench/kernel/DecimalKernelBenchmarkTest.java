package io.quiver.bench.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DecimalKernelBenchmarkTest {
  private static final int ROWS = 10_000;

  @Test
  void verify() {
    long sumOfSums = 0;
    long discounted = 0;
    long products = 0;
    for (int row = 0; row < ROWS; row++) {
      Long a = KernelBenchmarkData.a(row);
      Long b = KernelBenchmarkData.b(row);
      if (a != null && b != null) {
        sumOfSums += a + b;
        discounted += a * (100 - b);
        products += a * b;
      }
    }

    DecimalKernelBenchmark benchmark = new DecimalKernelBenchmark();
    benchmark.rows = ROWS;
    benchmark.batchSize = 1024;
    benchmark.setUp();
    try {
      assertThat((BigDecimal) benchmark.add().get(0))
          .isEqualByComparingTo(BigDecimal.valueOf(sumOfSums, 2));
      assertThat((BigDecimal) benchmark.discountedPrice().get(0))
          .isEqualByComparingTo(BigDecimal.valueOf(discounted, 4));
      assertThat((BigDecimal) benchmark.multiply().get(0))
          .isEqualByComparingTo(BigDecimal.valueOf(products, 4));
      assertThat(benchmark.allocator().getAllocatedMemory())
          .isEqualTo(benchmark.tableAllocator().getAllocatedMemory());
    } finally {
      benchmark.tearDown();
    }
    assertThat(benchmark.allocator().getAllocatedMemory()).isZero();
  }
}
