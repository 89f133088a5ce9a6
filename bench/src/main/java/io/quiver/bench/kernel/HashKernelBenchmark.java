package io.quiver.bench.kernel;

import io.quiver.engine.kernel.JavaKernels;
import io.quiver.engine.kernel.Kernels;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarCharVector;
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
 * The hashing kernels of {@link Kernels}, called directly on {@link JavaKernels} (public API,
 * by memory address, as the hash aggregate and hash join call them): a BIGINT column with and
 * without NULLs, a VARCHAR column (4 to 27 bytes), and the two combined (a two-column key).
 * Each operation hashes {@code rows} rows into a {@code long[]}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx4g"})
public class HashKernelBenchmark {
  @Param("4194304")
  public int rows;

  private final Kernels kernels = JavaKernels.INSTANCE;
  private BufferAllocator allocator;
  private BigIntVector longs;
  private BigIntVector longsWithNulls;
  private VarCharVector strings;
  private long[] hashes;

  @Setup(Level.Trial)
  public void setUp() {
    allocator = new RootAllocator();
    try {
      longs = KernelBenchmarkData.longs(allocator, rows, false);
      longsWithNulls = KernelBenchmarkData.longs(allocator, rows, true);
      strings = KernelBenchmarkData.strings(allocator, rows);
    } catch (RuntimeException e) {
      tearDown();
      throw e;
    }
    hashes = new long[rows];
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    for (ValueVector vector : new ValueVector[] {longs, longsWithNulls, strings}) {
      if (vector != null) {
        vector.close();
      }
    }
    // Fails if a vector were still open.
    allocator.close();
  }

  @Benchmark
  public long[] bigint() {
    kernels.hashFixedWidth(longs.getDataBufferAddress(), 8, 0, rows, hashes, true);
    return hashes;
  }

  @Benchmark
  public long[] bigintWithNulls() {
    kernels.hashFixedWidth(longsWithNulls.getDataBufferAddress(), 8,
        longsWithNulls.getValidityBufferAddress(), rows, hashes, true);
    return hashes;
  }

  @Benchmark
  public long[] varchar() {
    kernels.hashVariableWidth(strings.getOffsetBufferAddress(), strings.getDataBufferAddress(),
        0, rows, hashes, true);
    return hashes;
  }

  @Benchmark
  public long[] bigintAndVarchar() {
    kernels.hashFixedWidth(longs.getDataBufferAddress(), 8, 0, rows, hashes, true);
    kernels.hashVariableWidth(strings.getOffsetBufferAddress(), strings.getDataBufferAddress(),
        0, rows, hashes, false);
    return hashes;
  }

  /** The memory the benchmark holds, for tests. */
  BufferAllocator allocator() {
    return allocator;
  }
}
