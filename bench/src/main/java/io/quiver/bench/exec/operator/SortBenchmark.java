package io.quiver.bench.exec.operator;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sorting: the whole of {@code t} by two keys ({@code ORDER BY x, k_high}: x has 2001 values, so
 * the second key decides often) and the top 100 ({@code ORDER BY x DESC, k_high LIMIT 100}),
 * every row read in order ({@link OperatorBenchmarkTables#orderedChecksum}).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx4g"})
public class SortBenchmark extends OperatorBenchmarkState {
  @Benchmark
  public long sort() {
    return OperatorBenchmarkTables.orderedChecksum(
        session.sql("SELECT x, k_high FROM t ORDER BY x, k_high"));
  }

  @Benchmark
  public long topN() {
    return OperatorBenchmarkTables.orderedChecksum(
        session.sql("SELECT x, k_high FROM t ORDER BY x DESC, k_high LIMIT 100"));
  }
}
