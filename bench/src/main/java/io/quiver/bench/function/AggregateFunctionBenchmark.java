package io.quiver.bench.function;

import io.quiver.engine.QuiverSession;
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
 * A user aggregate against the built-ins on a grouped query over {@code rows} rows with
 * {@code groups} distinct keys: {@code SELECT k, sum_sq(x) FROM t GROUP BY k}
 * ({@link SumOfSquares}, primitive arrays), {@code SELECT k, SUM(x * x) ...} (the same result
 * with built-ins) and {@code SELECT k, SUM(x) ...} (the reference). Every result value
 * is read ({@link ResultChecksums#weightedSum}). Target (issue 3): the user aggregate takes at
 * most twice the built-in's time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx4g"})
public class AggregateFunctionBenchmark {
  @Param("10000000")
  public long rows;

  @Param("1000")
  public int groups;

  @Param("8192")
  public int batchSize;

  private QuiverSession session;

  @Setup(Level.Trial)
  public void setUp() {
    session = QuiverSession.builder().batchSize(batchSize).build();
    try {
      FunctionBenchmarkTable.register(session, "t", rows, groups);
      session.functions().register(new SumOfSquares("sum_sq"));
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    // Fails (Arrow's allocator check) if a result was left open.
    session.close();
  }

  @Benchmark
  public long builtinSum() {
    return ResultChecksums.weightedSum(session.sql("SELECT k, SUM(x) FROM t GROUP BY k"), 0, 1);
  }

  @Benchmark
  public long builtinSumOfSquares() {
    return ResultChecksums.weightedSum(
        session.sql("SELECT k, SUM(x * x) FROM t GROUP BY k"), 0, 1);
  }

  @Benchmark
  public long userSumOfSquares() {
    return ResultChecksums.weightedSum(
        session.sql("SELECT k, sum_sq(x) FROM t GROUP BY k"), 0, 1);
  }

  /** The session's memory, for tests: only the table's once every result is closed. */
  BufferAllocator allocator() {
    return session.allocator();
  }

  BufferAllocator tableAllocator() {
    return session.tableAllocator();
  }
}
