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
 * The hash join, building on the smaller side and probing with {@code t}: a build side of 1000
 * rows ({@code dim_small}, fits in L1) and of {@code largeRows} rows ({@code dim_large}, 1 million at
 * the default size), every probe row matching once; the joined rows are summed in SQL, so the
 * join's output is consumed by an aggregate as in TPC-H.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx4g"})
public class HashJoinBenchmark extends OperatorBenchmarkState {
  @Benchmark
  public long smallBuild() {
    return ResultChecksums.sum(session.sql(
        "SELECT sum(t.x + s.v) FROM t JOIN dim_small s ON t.k_small = s.k"), 0);
  }

  @Benchmark
  public long largeBuild() {
    return ResultChecksums.sum(session.sql(
        "SELECT sum(t.x + l.v) FROM t JOIN dim_large l ON t.k_large = l.k"), 0);
  }
}
