package io.quiver.bench.function;

import io.quiver.engine.QuiverSession;
import io.quiver.udf.function.RowFunctions;
import io.quiver.udf.function.Signature;
import io.quiver.udf.function.Types;
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
 * The row-wise adapters on the query of {@link ScalarFunctionBenchmark}
 * ({@code SELECT f(x) FROM t}, every value read): {@link RowFunctions#of} boxes each argument
 * and result, {@link RowFunctions#ofLong} stays on primitives. Both add one with an overflow
 * check, as the built-in {@code +} does. Per-row cost = time per operation / {@code rows}.
 * Target (issue 3): at most 5 ns per row.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx4g"})
public class RowFunctionBenchmark {
  @Param("10000000")
  public long rows;

  @Param("8192")
  public int batchSize;

  private QuiverSession session;

  @Setup(Level.Trial)
  public void setUp() {
    session = QuiverSession.builder().batchSize(batchSize).build();
    try {
      FunctionBenchmarkTable.register(session, "t", rows, 1000);
      session.functions().register(RowFunctions.of("plus_one_boxed",
          Signature.of(Types.BIGINT, Types.BIGINT),
          arguments -> Math.addExact((Long) arguments[0], 1L)));
      session.functions().register(RowFunctions.ofLong("plus_one_long",
          value -> Math.addExact(value, 1L)));
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
  public long boxedPlusOne() {
    return ResultChecksums.sum(session.sql("SELECT plus_one_boxed(x) FROM t"), 0);
  }

  @Benchmark
  public long primitivePlusOne() {
    return ResultChecksums.sum(session.sql("SELECT plus_one_long(x) FROM t"), 0);
  }

  /** The session's memory, for tests: only the table's once every result is closed. */
  BufferAllocator allocator() {
    return session.allocator();
  }

  BufferAllocator tableAllocator() {
    return session.tableAllocator();
  }
}
