package io.quiver.bench.delta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeltaSnapshotBenchmarkTest {

  @Test
  void verifyWithCheckpoint() throws IOException {
    DeltaSnapshotBenchmark benchmark = benchmark(50, 40);
    try {
      assertThat(benchmark.loadSnapshot()).isEqualTo(49L);
      assertThat(benchmark.versionAndFileCount()).containsExactly(List.of(49L, 50L));
      assertThat(benchmark.snapshotFileCount()).isEqualTo(49L * 31 + 50);
      assertThat(Files.exists(benchmark.table()
          .resolve("_delta_log/00000000000000000040.checkpoint.parquet"))).isTrue();
      // the adds of versions 0 to 39 are then only in the checkpoint (Kernel wants the commit
      // file of the checkpoint's own version kept): the table is the same
      for (int version = 0; version < 40; version++) {
        Files.delete(benchmark.table().resolve(String.format("_delta_log/%020d.json", version)));
      }
      assertThat(benchmark.versionAndFileCount()).containsExactly(List.of(49L, 50L));
      assertThat(benchmark.session().allocator().getAllocatedMemory()).isZero();
    } finally {
      benchmark.tearDown();
    }
    assertThat(benchmark.session().allocator().getAllocatedMemory()).isZero();
  }

  @Test
  void verifyWithoutCheckpoint() throws IOException {
    DeltaSnapshotBenchmark benchmark = benchmark(20, -1);
    Path table = benchmark.table();
    try {
      assertThat(benchmark.loadSnapshot()).isEqualTo(19L);
      assertThat(benchmark.versionAndFileCount()).containsExactly(List.of(19L, 20L));
      try (var files = Files.list(table.resolve("_delta_log"))) {
        assertThat(files.filter(f -> f.toString().contains("checkpoint"))).isEmpty();
      }
    } finally {
      benchmark.tearDown();
    }
    assertThat(Files.exists(table)).as("deleted in tearDown").isFalse();
  }

  private static DeltaSnapshotBenchmark benchmark(int commits, long checkpoint) {
    DeltaSnapshotBenchmark benchmark = new DeltaSnapshotBenchmark();
    benchmark.commits = commits;
    benchmark.checkpoint = checkpoint;
    benchmark.setUp();
    return benchmark;
  }
}
