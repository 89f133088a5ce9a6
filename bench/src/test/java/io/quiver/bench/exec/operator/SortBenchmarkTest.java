package io.quiver.bench.exec.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import org.junit.jupiter.api.Test;

class SortBenchmarkTest {
  @Test
  void verify() {
    SortBenchmark benchmark = SmallOperatorData.setUp(new SortBenchmark());
    Comparator<long[]> ascending = Comparator.<long[]>comparingLong(row -> row[0])
        .thenComparingLong(row -> row[2]);
    Comparator<long[]> descending = Comparator.<long[]>comparingLong(row -> -row[0])
        .thenComparingLong(row -> row[2]);
    try {
      assertThat(benchmark.sort()).isEqualTo(
          SmallOperatorData.orderedChecksum(ascending, Integer.MAX_VALUE));
      assertThat(benchmark.topN()).isEqualTo(SmallOperatorData.orderedChecksum(descending, 100));
    } finally {
      SmallOperatorData.tearDown(benchmark);
    }
  }
}
