package io.quiver.bench.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetScanBenchmarkTest {
  @TempDir
  static Path directory;

  @BeforeAll
  static void writeFiles() {
    TpchFiles.write(directory, 0.002);
  }

  @Test
  void verify() {
    ParquetScanBenchmark quiver = benchmark("quiver");
    ParquetScanBenchmark duckdb = benchmark("duckdb");
    try {
      assertThat(quiver.sumCountParquet()).isNotZero();
      assertThat(quiver.q1Parquet()).isNotZero();
      assertThat(quiver.q6Parquet()).isNotZero();
      assertThat(quiver.sumCountCsv()).isNotZero();
      assertThat(duckdb.sumCountParquet()).isNotZero();
      assertThat(duckdb.sumCountCsv()).isNotZero();
      // Both engines give the same answers (numbers to 12 significant digits: averages differ
      // in their last digits, DuckDB reads the CSV's prices as DOUBLE).
      for (String sql : List.of(TpchFiles.SUM_COUNT, TpchFiles.SUM_COUNT_CSV,
          TpchFiles.query(1), TpchFiles.query(6))) {
        assertThat(rounded(quiver.rows(sql))).as(sql).isEqualTo(rounded(duckdb.rows(sql)));
      }
      List<List<Object>> sumCount = quiver.rows(TpchFiles.SUM_COUNT);
      assertThat(sumCount).hasSize(1);
      assertThat(((BigDecimal) sumCount.get(0).get(1)).longValueExact()).isGreaterThan(1000);
      assertThat(quiver.runner().allocator().getAllocatedMemory()).isZero();
    } finally {
      quiver.tearDown();
      duckdb.tearDown();
    }
    assertThat(quiver.runner().allocator().getAllocatedMemory()).isZero();
  }

  private static ParquetScanBenchmark benchmark(String engine) {
    ParquetScanBenchmark benchmark = new ParquetScanBenchmark();
    benchmark.engine = engine;
    benchmark.batchSize = 1000;
    benchmark.files = directory.toString();
    benchmark.setUp();
    return benchmark;
  }

  private static List<List<Object>> rounded(List<List<Object>> rows) {
    return rows.stream().map(row -> row.stream().map(value -> value instanceof BigDecimal number
        ? (Object) number.round(new MathContext(12)).stripTrailingZeros() : value).toList())
        .toList();
  }
}
