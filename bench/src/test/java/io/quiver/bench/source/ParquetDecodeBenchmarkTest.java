package io.quiver.bench.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParquetDecodeBenchmarkTest {
  private static final int ROWS = 5000;

  @ParameterizedTest
  @CsvSource({"uncompressed,V1", "snappy,V1", "snappy,V2", "zstd,V2", "gzip,V1"})
  void verify(String codec, String version) {
    for (String column : GeneratedFiles.COLUMNS) {
      ParquetDecodeBenchmark benchmark = new ParquetDecodeBenchmark();
      benchmark.rows = ROWS;
      benchmark.codec = codec;
      benchmark.version = version;
      benchmark.column = column;
      benchmark.batchSize = 1024;
      benchmark.setUp();
      try {
        assertThat(benchmark.scan()).as(column).isEqualTo(ROWS);
        assertThat(benchmark.runner().allocator().getAllocatedMemory()).isZero();
      } finally {
        benchmark.tearDown();
      }
      assertThat(benchmark.runner().allocator().getAllocatedMemory()).isZero();
    }
  }
}
