package io.quiver.bench.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.engine.tpch.TpchQueries;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuiverEngineTest {
  @Test
  void queryPastItsTimeLimitIsStoppedAndAFreshSessionAnswersTheNext(@TempDir Path directory)
      throws Exception {
    TpchDataCache cache = new TpchDataCache(directory, 0.01);
    cache.ensure(line -> { });
    try (QuiverEngine engine = new QuiverEngine(8192)) {
      engine.load(new TpchDataSource(cache, null, BenchmarkOptions.Format.MEMORY));
      // Plan once first: on a loaded machine, initialising the planner's classes alone can take
      // longer than the limit below, and class initialisation cannot be interrupted.
      assertThat(engine.run("select count(*) from orders a, orders b where a.o_orderkey = 1"
          + " and a.o_orderkey + b.o_orderkey < 0", Duration.ofSeconds(60))).hasSize(1);
      long start = System.nanoTime();
      // A keyless join of 15,000 x 15,000 rows with a residual condition: minutes of work.
      assertThatThrownBy(() -> engine.run("select count(*) from orders a, orders b"
          + " where a.o_orderkey + b.o_orderkey < 0", Duration.ofSeconds(1)))
          .isInstanceOf(QueryTimeoutException.class)
          .hasMessage("quiver did not finish within 1000 ms");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));

      List<List<Object>> rows = engine.run(TpchQueries.query(6).sql(), Duration.ofSeconds(60));

      assertThat(rows).hasSize(1);
      assertThat(engine.retiredSessions()).isEqualTo(1);
      // Operators check for interruption between batches, so no forced stop is needed.
      assertThat(engine.forcedStops()).isZero();
      assertThat(engine.leakedBytes()).isZero();
      assertThat(engine.describe()).contains("sessions replaced after a timeout 1");
    }
  }
}
