package io.quiver.bench.kernel;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SUM, MIN and MAX over a nullable column (about 10% NULLs), ungrouped. The engine has no
 * public kernel for them (they live in its aggregate operators), so they are measured through
 * minimal SQL over the in-memory table {@code n}: scan, aggregate, one result row. BIGINT
 * ({@code v}) and DECIMAL(15,2) ({@code a}, summed as scaled longs).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx4g"})
public class AggregateKernelBenchmark extends NumbersTableState {
  /** {@code sum(v), min(v), max(v), count(v)}. */
  @Benchmark
  public List<Object> bigintSumMinMax() {
    return NumbersTable.onlyRow(session.sql("SELECT sum(v), min(v), max(v), count(v) FROM n"));
  }

  /** {@code sum(a), min(a), max(a)} over DECIMAL(15,2). */
  @Benchmark
  public List<Object> decimalSumMinMax() {
    return NumbersTable.onlyRow(session.sql("SELECT sum(a), min(a), max(a) FROM n"));
  }
}
