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

/** The projection: {@code SELECT x * 3 + k_low FROM t}, every value read. */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx4g"})
public class ProjectBenchmark extends OperatorBenchmarkState {
  @Benchmark
  public long arithmetic() {
    return ResultChecksums.sum(session.sql("SELECT x * 3 + k_low FROM t"), 0);
  }
}
