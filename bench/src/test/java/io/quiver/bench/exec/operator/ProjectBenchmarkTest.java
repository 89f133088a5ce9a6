package io.quiver.bench.exec.operator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProjectBenchmarkTest {
  @Test
  void verify() {
    ProjectBenchmark benchmark = SmallOperatorData.setUp(new ProjectBenchmark());
    try {
      assertThat(benchmark.arithmetic()).isEqualTo(
          SmallOperatorData.sum(row -> row[0] * 3 + row[1]));
    } finally {
      SmallOperatorData.tearDown(benchmark);
    }
  }
}
