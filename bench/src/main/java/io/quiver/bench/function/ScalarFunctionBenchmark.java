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
 * A vectorised scalar user function against the built-in operator it imitates:
 * {@code SELECT plus_one(x) FROM t} ({@link PlusOne}, by address) and
 * {@code SELECT x + 1 FROM t} over {@code rows} BIGINT rows; {@code plus_one_checked} is the
 * same function through Arrow's bounds-checked accessors. Each operation plans the statement, runs it and reads every result
 * value ({@link ResultChecksums#sum}). Target (issue 3): the user function takes at most 1.5
 * times the built-in's time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx4g"})
public class ScalarFunctionBenchmark {
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
      session.functions().register(new PlusOne("plus_one", PlusOne.Access.ADDRESS));
      session.functions().register(new PlusOne("plus_one_checked", PlusOne.Access.CHECKED));
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
  public long builtinPlusOne() {
    return ResultChecksums.sum(session.sql("SELECT x + 1 FROM t"), 0);
  }

  @Benchmark
  public long vectorisedPlusOne() {
    return ResultChecksums.sum(session.sql("SELECT plus_one(x) FROM t"), 0);
  }

  @Benchmark
  public long vectorisedCheckedPlusOne() {
    return ResultChecksums.sum(session.sql("SELECT plus_one_checked(x) FROM t"), 0);
  }

  /** The session's memory, for tests: only the table's once every result is closed. */
  BufferAllocator allocator() {
    return session.allocator();
  }

  BufferAllocator tableAllocator() {
    return session.tableAllocator();
  }
}
