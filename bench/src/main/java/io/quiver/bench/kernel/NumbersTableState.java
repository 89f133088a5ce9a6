package io.quiver.bench.kernel;

import io.quiver.engine.QuiverSession;
import org.apache.arrow.memory.BufferAllocator;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The state of the kernel benchmarks measured through minimal SQL: a session holding the
 * in-memory table {@code n} of {@link NumbersTable} ({@code rows} rows, scanned in batches of
 * {@code batchSize}), opened once per trial and closed after it (closing fails, through Arrow's
 * allocator check, when a result was left open).
 */
@State(Scope.Benchmark)
public abstract class NumbersTableState {
  @Param("10000000")
  public long rows;

  @Param("8192")
  public int batchSize;

  protected QuiverSession session;

  @Setup(Level.Trial)
  public void setUp() {
    session = NumbersTable.open(rows, batchSize);
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
