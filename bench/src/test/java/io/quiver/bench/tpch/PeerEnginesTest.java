package io.quiver.bench.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.engine.tpch.ResultComparator;
import io.quiver.engine.tpch.TpchQueries;
import io.quiver.engine.tpch.TpchQuery;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calcite and H2 as benchmark peers: the same answers as DuckDB, and time limits that hold. */
class PeerEnginesTest {
  @TempDir
  static Path directory;
  private static TpchDataSource data;
  private static List<List<Object>> expectedQ3;

  /** A cross join of orders with itself and a residual condition: minutes of row-at-a-time work. */
  private static final String SLOW = "select count(*) from orders a, orders b"
      + " where a.o_orderkey + b.o_orderkey < 0";

  @BeforeAll
  static void generate() throws Exception {
    TpchDataCache cache = new TpchDataCache(directory, 0.01);
    cache.ensure(line -> { });
    data = new TpchDataSource(cache, null, BenchmarkOptions.Format.MEMORY);
    try (DuckDbEngine duckdb = new DuckDbEngine(1)) {
      duckdb.load(data);
      expectedQ3 = duckdb.run(TpchQueries.query(3).sql(), Duration.ofSeconds(60));
    }
  }

  @Test
  void calciteAnswersLikeDuckDbAndAQueryPastItsLimitIsStopped() throws Exception {
    try (CalciteEngine calcite = new CalciteEngine()) {
      calcite.load(data);
      TpchQuery q3 = TpchQueries.query(3);
      ResultComparator.assertMatches(q3, expectedQ3,
          calcite.run(calcite.sql(BenchmarkQuery.of(q3)), Duration.ofSeconds(60)));

      long start = System.nanoTime();
      assertThatThrownBy(() -> calcite.run(SLOW, Duration.ofSeconds(1)))
          .isInstanceOf(QueryTimeoutException.class)
          .hasMessage("calcite did not finish within 1000 ms");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));

      ResultComparator.assertMatches(q3, expectedQ3,
          calcite.run(calcite.sql(BenchmarkQuery.of(q3)), Duration.ofSeconds(60)));
      assertThat(calcite.describe()).contains("Calcite", "connections replaced after a timeout 1");
      assertThatThrownBy(() -> calcite.sql(BenchmarkQuery.parseList("scan_csv").get(0)))
          .isInstanceOf(UnsupportedQueryException.class);
    }
  }

  @Test
  void h2AnswersLikeDuckDbAndAQueryPastItsLimitIsCancelled() throws Exception {
    try (H2Engine h2 = new H2Engine()) {
      h2.load(data);
      TpchQuery q3 = TpchQueries.query(3);
      ResultComparator.assertMatches(q3, expectedQ3,
          h2.run(h2.sql(BenchmarkQuery.of(q3)), Duration.ofSeconds(60)));

      long start = System.nanoTime();
      assertThatThrownBy(() -> h2.run(SLOW, Duration.ofSeconds(1)))
          .isInstanceOf(QueryTimeoutException.class)
          .hasMessage("h2 did not finish within 1000 ms");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));

      assertThat(h2.run("select count(*) from lineitem", Duration.ofSeconds(60)))
          .containsExactly(List.of(60175L));
      assertThatThrownBy(() -> h2.sql(BenchmarkQuery.parseList("scan_parquet").get(0)))
          .isInstanceOf(UnsupportedQueryException.class).hasMessage("H2 reads no Parquet");
    }
  }
}
