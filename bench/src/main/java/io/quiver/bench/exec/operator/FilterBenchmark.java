package io.quiver.bench.exec.operator;

import io.quiver.bench.function.ResultChecksums;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The filter (and the scan under it): {@code SELECT x FROM t WHERE ...} at about 25% and 50%
 * selectivity, every passing value read ({@link ResultChecksums#sum}).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx4g"})
public class FilterBenchmark extends OperatorBenchmarkState {
  /** {@code x > 500}: about a quarter of the rows. */
  @Benchmark
  public long quarter() {
    return ResultChecksums.sum(session.sql("SELECT x FROM t WHERE x > 500"), 0);
  }

  /** {@code k_low < 5}: half of the rows, on another column than the one returned. */
  @Benchmark
  public long half() {
    return ResultChecksums.sum(session.sql("SELECT x FROM t WHERE k_low < 5"), 0);
  }
}
