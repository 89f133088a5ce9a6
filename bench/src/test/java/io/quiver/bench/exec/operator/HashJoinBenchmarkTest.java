package io.quiver.bench.exec.operator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HashJoinBenchmarkTest {
  @Test
  void verify() {
    HashJoinBenchmark benchmark = SmallOperatorData.setUp(new HashJoinBenchmark());
    try {
      // Every key of t has exactly one row on the build side.
      assertThat(benchmark.smallBuild()).isEqualTo(
          SmallOperatorData.sum(row -> row[0] + OperatorBenchmarkTables.v(row[3])));
      assertThat(benchmark.largeBuild()).isEqualTo(
          SmallOperatorData.sum(row -> row[0] + OperatorBenchmarkTables.v(row[4])));
    } finally {
      SmallOperatorData.tearDown(benchmark);
    }
  }
}
