package io.quiver.bench.source;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
 * Parquet decoding by encoding and codec: {@code SELECT <column> FROM read_parquet(...)} over
 * {@link GeneratedFiles}' table ({@code @Param rows}), written by DuckDB with {@code @Param
 * codec} and {@code @Param version} (V2 selects the DELTA_* and BYTE_STREAM_SPLIT encodings),
 * for each {@code @Param column} (one encoding each). The batches are counted, not read: the
 * time is the reader's (decompression, decoding, Arrow vectors) plus a pass-through plan.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx4g"})
public class ParquetDecodeBenchmark {
  @Param("2000000")
  public long rows;

  @Param({"uncompressed", "snappy", "zstd", "gzip"})
  public String codec;

  @Param({"V1", "V2"})
  public String version;

  @Param({"plain_long", "dict_int", "plain_double", "plain_string", "dict_string"})
  public String column;

  @Param("8192")
  public int batchSize;

  private Path directory;
  private QueryRunner runner;
  private String sql;

  @Setup(Level.Trial)
  public void setUp() {
    directory = GeneratedFiles.createDirectory();
    try {
      Path file = directory.resolve("g.parquet");
      GeneratedFiles.writeParquet(file, rows, codec, version);
      runner = QueryRunner.create("quiver", batchSize);
      runner.registerFile("g", "parquet", file.toString());
      sql = "SELECT " + column + " FROM g";
    } catch (RuntimeException e) {
      tearDown();
      throw e;
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    GeneratedFiles.release(runner, directory);
  }

  @Benchmark
  public long scan() {
    return runner.count(sql);
  }

  QueryRunner runner() {
    return runner;
  }
}
