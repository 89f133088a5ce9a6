package io.quiver.bench.exec.operator;

import io.quiver.engine.QuiverSession;
import org.apache.arrow.memory.BufferAllocator;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What every operator benchmark shares: a session holding {@link OperatorBenchmarkTables} with
 * {@code rows} rows in {@code t} and {@code largeRows} in {@code dim_large}, built once per fork and
 * closed in {@link #tearDown()} (which fails if a result was left open).
 */
@State(Scope.Benchmark)
public abstract class OperatorBenchmarkState {
  @Param("10000000")
  public long rows;

  @Param("1000000")
  public long largeRows;

  @Param("8192")
  public int batchSize;

  protected QuiverSession session;

  @Setup(Level.Trial)
  public void setUp() {
    session = OperatorBenchmarkTables.open(rows, largeRows, batchSize);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    session.close();
  }

  BufferAllocator allocator() {
    return session.allocator();
  }

  BufferAllocator tableAllocator() {
    return session.tableAllocator();
  }
}
