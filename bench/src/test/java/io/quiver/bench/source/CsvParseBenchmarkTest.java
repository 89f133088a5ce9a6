package io.quiver.bench.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvParseBenchmarkTest {
  private static final int ROWS = 5000;

  @Test
  void verify() {
    CsvParseBenchmark benchmark = new CsvParseBenchmark();
    benchmark.rows = ROWS;
    benchmark.batchSize = 1024;
    benchmark.setUp();
    QueryRunner duckdb = QueryRunner.create("duckdb", 1024);
    try {
      assertThat(benchmark.allColumns()).isEqualTo(ROWS);
      assertThat(benchmark.oneColumn()).isNotZero();
      // The same file read by DuckDB sums to the same value.
      duckdb.registerFile("g", "csv", benchmark.file().toString());
      List<List<Object>> expected = duckdb.rows("SELECT sum(plain_long) FROM g");
      List<List<Object>> actual = benchmark.runner().rows("SELECT sum(plain_long) FROM g");
      assertThat(((BigDecimal) actual.get(0).get(0)).compareTo(
          (BigDecimal) expected.get(0).get(0))).isZero();
      assertThat(benchmark.runner().allocator().getAllocatedMemory()).isZero();
    } finally {
      duckdb.close();
      benchmark.tearDown();
    }
    assertThat(benchmark.runner().allocator().getAllocatedMemory()).isZero();
  }
}
