package io.quiver.bench.kernel;

import io.quiver.bench.function.ResultChecksums;
import io.quiver.engine.QuiverSession;
import io.quiver.engine.kernel.JavaKernels;
import io.quiver.engine.kernel.Kernels;
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
 * Comparison and selection. {@code selectTrue}: the branch-free selection kernel of
 * {@link Kernels}, called directly on {@link JavaKernels}, over {@code rows} random flags at 50%
 * selectivity. {@code compareSql}: a comparison and the selection it feeds, which have no public
 * kernel, through minimal SQL ({@code SELECT count(*) FROM n WHERE v < 0}, about 45% of the rows
 * pass, 10% are NULL) over the in-memory table {@code n}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx4g"})
public class SelectionKernelBenchmark {
  @Param("4194304")
  public int rows;

  private final Kernels kernels = JavaKernels.INSTANCE;
  private byte[] flags;
  private int[] selection;
  private QuiverSession session;

  @Setup(Level.Trial)
  public void setUp() {
    flags = new byte[rows];
    for (int row = 0; row < rows; row++) {
      flags[row] = (byte) (KernelBenchmarkData.mix(row) & 1);
    }
    selection = new int[rows];
    session = NumbersTable.open(rows, 8192);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    // Fails (Arrow's allocator check) if a result was left open.
    session.close();
  }

  @Benchmark
  public int selectTrue() {
    return kernels.selectTrue(flags, rows, selection);
  }

  @Benchmark
  public long compareSql() {
    return ResultChecksums.sum(session.sql("SELECT count(*) FROM n WHERE v < 0"), 0);
  }

  int[] selection() {
    return selection;
  }

  byte[] flags() {
    return flags;
  }

  BufferAllocator allocator() {
    return session.allocator();
  }

  BufferAllocator tableAllocator() {
    return session.tableAllocator();
  }
}
