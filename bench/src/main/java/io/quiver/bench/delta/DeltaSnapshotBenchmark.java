package io.quiver.bench.delta;

import io.delta.kernel.Snapshot;
import io.quiver.delta.DeltaFunctions;
import io.quiver.delta.DeltaScanOptions;
import io.quiver.delta.DeltaTable;
import io.quiver.delta.kernel.QuiverKernelEngine;
import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading the latest snapshot of a table with many commits: {@code @Param commits} (1,000) small
 * commits of one {@code add} each ({@link DeltaCommitLog}), with a classic Parquet checkpoint at
 * {@code @Param checkpoint} (900) or none ({@code -1}), generated into a temporary folder per
 * trial. {@link #loadSnapshot} is Kernel's snapshot load through {@link DeltaTable} (list the
 * log, read {@code _last_checkpoint}, the checkpoint's protocol and metadata and the commits
 * after it); {@link #snapshotFileCount} is {@code SELECT version, file_count FROM
 * delta_snapshot(...)} (the load plus the replay of every {@code add}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx2g"})
public class DeltaSnapshotBenchmark {
  @Param("1000")
  public int commits;

  /** The checkpoint's version, or -1 for none. */
  @Param({"900", "-1"})
  public long checkpoint;

  private Path folder;
  private Path table;
  private QuiverSession session;
  private String snapshotSql;

  @Setup(Level.Trial)
  public void setUp() {
    try {
      folder = Files.createTempDirectory("quiver-bench-delta-log");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    table = folder.resolve("t");
    DeltaCommitLog.write(table, commits, checkpoint);
    session = QuiverSession.builder().build();
    DeltaFunctions.register(session);
    snapshotSql = "SELECT version, file_count FROM delta_snapshot('"
        + DeltaLineitemTable.sql(table) + "')";
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try {
      session.close();
    } finally {
      DeltaLineitemTable.deleteRecursively(folder);
    }
  }

  /** The latest snapshot's version, loaded anew. */
  @Benchmark
  public long loadSnapshot() {
    BufferAllocator allocator = session.allocator().newChildAllocator("snapshot", 0,
        Long.MAX_VALUE);
    try (QuiverKernelEngine engine = new QuiverKernelEngine(allocator, session.batchSize())) {
      Snapshot snapshot = DeltaTable.at(table.toString()).snapshot(engine,
          DeltaScanOptions.latest());
      return snapshot.getVersion();
    } finally {
      allocator.close();
    }
  }

  /** The latest snapshot's version and number of active files, through SQL. */
  @Benchmark
  public long snapshotFileCount() {
    List<List<Object>> rows = versionAndFileCount();
    return (Long) rows.get(0).get(0) * 31 + (Long) rows.get(0).get(1);
  }

  /** {@code [[version, file_count]]} of the latest snapshot. */
  List<List<Object>> versionAndFileCount() {
    try (QueryResult result = session.sql(snapshotSql)) {
      return result.toRows();
    }
  }

  Path table() {
    return table;
  }

  QuiverSession session() {
    return session;
  }
}
