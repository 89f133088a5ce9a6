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
 * The hash aggregate: {@code SELECT k, sum(x) FROM t GROUP BY k} with 10 groups
 * ({@code k_low}) and with {@code rows / 4} groups ({@code k_high}, 2.5 million at the default
 * size: the table no longer fits in the caches), every group read
 * ({@link ResultChecksums#weightedSum}).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx4g"})
public class HashAggregateBenchmark extends OperatorBenchmarkState {
  @Benchmark
  public long lowCardinality() {
    return ResultChecksums.weightedSum(
        session.sql("SELECT k_low, sum(x) FROM t GROUP BY k_low"), 0, 1);
  }

  @Benchmark
  public long highCardinality() {
    return ResultChecksums.weightedSum(
        session.sql("SELECT k_high, sum(x) FROM t GROUP BY k_high"), 0, 1);
  }
}
