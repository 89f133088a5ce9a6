package io.quiver.bench.delta;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.bench.source.TpchFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeltaScanBenchmarkTest {
  @TempDir
  static Path directory;

  @BeforeAll
  static void writeFiles() {
    TpchFiles.write(directory, 0.002);
  }

  @Test
  void verify() throws Exception {
    DeltaScanBenchmark delta = benchmark("delta");
    DeltaScanBenchmark parquet = benchmark("parquet");
    try {
      List<List<Object>> fromDelta = sorted(delta.rows());
      List<List<Object>> fromParquet = sorted(parquet.rows());
      // l_returnflag A, N, R, each with a sum of quantities
      assertThat(fromDelta).hasSize(3).isEqualTo(fromParquet);
      assertThat(fromDelta).extracting(row -> row.get(0)).containsExactly("A", "N", "R");
      assertThat(delta.groupBySum()).isEqualTo(parquet.groupBySum());
      assertThat(delta.session().allocator().getAllocatedMemory()).isZero();
      assertThat(parquet.session().allocator().getAllocatedMemory()).isZero();
    } finally {
      delta.tearDown();
      parquet.tearDown();
    }
    assertThat(delta.session().allocator().getAllocatedMemory()).isZero();
  }

  @Test
  void theTableIsBuiltOnceAndItsLogDescribesTheFile() throws Exception {
    Path table = directory.resolve("table");
    Path built = DeltaLineitemTable.ensure(TpchFiles.parquet(directory), table);
    Path commit = built.resolve("_delta_log/00000000000000000000.json");
    // a time in the past, which a rebuild would replace
    long modified = 1_000_000_000L;
    Files.setLastModifiedTime(commit, java.nio.file.attribute.FileTime.fromMillis(modified));
    String log = Files.readString(commit, StandardCharsets.UTF_8);
    assertThat(log).contains("\\\"name\\\":\\\"l_quantity\\\",\\\"type\\\":\\\"decimal(15,2)\\\"")
        .contains("\"path\":\"" + DeltaLineitemTable.DATA_FILE + "\"")
        .contains("\\\"numRecords\\\":").contains("\\\"minValues\\\":{");
    assertThat(Files.size(built.resolve(DeltaLineitemTable.DATA_FILE)))
        .isEqualTo(Files.size(TpchFiles.parquet(directory)));
    DeltaLineitemTable.ensure(TpchFiles.parquet(directory), table);
    assertThat(Files.getLastModifiedTime(commit).toMillis()).as("not rebuilt")
        .isEqualTo(modified);
  }

  private static DeltaScanBenchmark benchmark(String source) {
    DeltaScanBenchmark benchmark = new DeltaScanBenchmark();
    benchmark.source = source;
    benchmark.batchSize = 1000;
    benchmark.parquet = TpchFiles.parquet(directory).toString();
    benchmark.table = directory.resolve("delta").toString();
    benchmark.setUp();
    return benchmark;
  }

  private static List<List<Object>> sorted(List<List<Object>> rows) {
    return rows.stream().sorted(Comparator.comparing(row -> String.valueOf(row.get(0))))
        .toList();
  }
}
