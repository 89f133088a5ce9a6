package io.quiver.bench.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuckDbEngineTest {
  @Test
  void queryPastItsTimeLimitIsCancelledAndTheEngineGoesOn() throws Exception {
    try (DuckDbEngine engine = new DuckDbEngine(1)) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> engine.run("select sum(a.range * b.range) from range(1000000) a,"
          + " range(1000000) b", Duration.ofMillis(300)))
          .isInstanceOf(QueryTimeoutException.class)
          .hasMessage("duckdb-t1 did not finish within 300 ms");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
      assertThat(engine.run("select 42", Duration.ofSeconds(10)))
          .containsExactly(List.of(42));
      assertThat(engine.describe()).contains("threads 1");
    }
  }
}
