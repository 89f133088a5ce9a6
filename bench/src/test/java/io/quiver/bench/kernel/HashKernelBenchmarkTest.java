package io.quiver.bench.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.kernel.JavaKernels;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HashKernelBenchmarkTest {
  private static final int ROWS = 10_000;

  @Test
  void verify() {
    HashKernelBenchmark benchmark = new HashKernelBenchmark();
    benchmark.rows = ROWS;
    benchmark.setUp();
    try {
      long[] hashes = benchmark.bigint().clone();
      for (int row = 0; row < ROWS; row++) {
        Long value = KernelBenchmarkData.v(row);
        assertThat(hashes[row]).isEqualTo(JavaKernels.mix(value == null ? row : value));
      }

      long[] withNulls = benchmark.bigintWithNulls().clone();
      Long nullHash = null;
      int nulls = 0;
      for (int row = 0; row < ROWS; row++) {
        Long value = KernelBenchmarkData.v(row);
        if (value == null) {
          nulls++;
          nullHash = nullHash == null ? withNulls[row] : nullHash;
          assertThat(withNulls[row]).isEqualTo(nullHash);
        } else {
          assertThat(withNulls[row]).isEqualTo(JavaKernels.mix(value));
        }
      }
      assertThat(nulls).isBetween(ROWS / 20, ROWS / 5);

      long[] strings = benchmark.varchar().clone();
      Map<String, Long> byText = new HashMap<>();
      Map<Long, String> byHash = new HashMap<>();
      for (int row = 0; row < ROWS; row++) {
        String text = KernelBenchmarkData.text(row);
        Long earlier = byText.putIfAbsent(text, strings[row]);
        if (earlier != null) {
          assertThat(strings[row]).as("equal strings hash alike").isEqualTo(earlier);
        }
        String other = byHash.putIfAbsent(strings[row], text);
        assertThat(other == null || other.equals(text)).as("no collision here").isTrue();
      }
      assertThat(byText.size()).isLessThan(ROWS);

      long[] combined = benchmark.bigintAndVarchar();
      for (int row = 0; row < ROWS; row++) {
        assertThat(combined[row]).isEqualTo(JavaKernels.combine(hashes[row], strings[row]));
      }
    } finally {
      benchmark.tearDown();
    }
    assertThat(benchmark.allocator().getAllocatedMemory()).isZero();
  }
}
