package io.quiver.bench.exec.operator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FilterBenchmarkTest {
  @Test
  void verify() {
    FilterBenchmark benchmark = SmallOperatorData.setUp(new FilterBenchmark());
    try {
      assertThat(benchmark.quarter()).isEqualTo(
          SmallOperatorData.sum(row -> row[0] > 500 ? row[0] : 0));
      assertThat(benchmark.half()).isEqualTo(
          SmallOperatorData.sum(row -> row[1] < 5 ? row[0] : 0));
    } finally {
      SmallOperatorData.tearDown(benchmark);
    }
  }
}
