package io.quiver.bench.exec.operator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HashAggregateBenchmarkTest {
  @Test
  void verify() {
    HashAggregateBenchmark benchmark = SmallOperatorData.setUp(new HashAggregateBenchmark());
    try {
      assertThat(benchmark.lowCardinality()).isEqualTo(SmallOperatorData.groupedWeightedSum(1));
      assertThat(benchmark.highCardinality()).isEqualTo(SmallOperatorData.groupedWeightedSum(2));
    } finally {
      SmallOperatorData.tearDown(benchmark);
    }
  }
}
