package io.quiver.bench.source;

import java.util.List;
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
 * The reader targets, Quiver against DuckDB ({@code threads=1}) on the same files in one run
 * ({@code @Param engine}): {@code SELECT sum(l_extendedprice), count(*)} over TPC-H
 * {@code lineitem} as Parquet (DuckDB-written, SNAPPY) and as CSV (with header), and TPC-H Q1
 * and Q6 over the Parquet file. Files: {@link TpchFiles} in the directory {@code @Param files}
 * ({@code -p files=/dir}); its default {@code property} takes the system property
 * {@value TpchFiles#PROPERTY}, else {@value TpchFiles#DEFAULT_DIRECTORY}. Every statement
 * runs whole (parse, plan, execute) and every result value is read. Targets: Quiver at most
 * 2 x DuckDB for each.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx4g"})
public class ParquetScanBenchmark {
  @Param({"quiver", "duckdb"})
  public String engine;

  @Param("8192")
  public int batchSize;

  /** The directory of lineitem.parquet and lineitem.csv, or {@code property}. */
  @Param("property")
  public String files;

  private QueryRunner runner;
  private String q1;
  private String q6;

  @Setup(Level.Trial)
  public void setUp() {
    q1 = TpchFiles.query(1);
    q6 = TpchFiles.query(6);
    runner = QueryRunner.create(engine, batchSize);
    try {
      TpchFiles.register(runner, "property".equals(files) ? TpchFiles.directory()
          : java.nio.file.Path.of(files));
    } catch (RuntimeException e) {
      runner.close();
      throw e;
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    runner.close();
  }

  @Benchmark
  public long sumCountParquet() {
    return QueryRunner.checksum(runner.rows(TpchFiles.SUM_COUNT));
  }

  @Benchmark
  public long q1Parquet() {
    return QueryRunner.checksum(runner.rows(q1));
  }

  @Benchmark
  public long q6Parquet() {
    return QueryRunner.checksum(runner.rows(q6));
  }

  @Benchmark
  public long sumCountCsv() {
    return QueryRunner.checksum(runner.rows(TpchFiles.SUM_COUNT_CSV));
  }

  /** For tests: the rows of {@code sql} on this benchmark's engine. */
  List<List<Object>> rows(String sql) {
    return runner.rows(sql);
  }

  QueryRunner runner() {
    return runner;
  }
}
