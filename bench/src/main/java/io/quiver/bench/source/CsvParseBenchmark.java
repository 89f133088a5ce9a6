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
 * CSV parsing throughput: {@link GeneratedFiles}' table ({@code @Param rows}: BIGINT, INTEGER,
 * DOUBLE and two VARCHAR columns) as a CSV file with a header, scanned with
 * {@code read_csv}: {@code allColumns} parses every field of every row ({@code SELECT *},
 * batches counted), {@code oneColumn} one numeric column ({@code SELECT sum(plain_long)}, the
 * other fields only tokenised).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx4g"})
public class CsvParseBenchmark {
  @Param("2000000")
  public long rows;

  @Param("8192")
  public int batchSize;

  private Path directory;
  private Path file;
  private QueryRunner runner;

  @Setup(Level.Trial)
  public void setUp() {
    directory = GeneratedFiles.createDirectory();
    try {
      file = directory.resolve("g.csv");
      GeneratedFiles.writeCsv(file, rows);
      runner = QueryRunner.create("quiver", batchSize);
      runner.registerFile("g", "csv", file.toString());
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
  public long allColumns() {
    return runner.count("SELECT * FROM g");
  }

  @Benchmark
  public long oneColumn() {
    return QueryRunner.checksum(runner.rows("SELECT sum(plain_long) FROM g"));
  }

  Path file() {
    return file;
  }

  QueryRunner runner() {
    return runner;
  }
}
