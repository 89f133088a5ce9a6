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
 * DECIMAL arithmetic as TPC-H uses it, over two nullable DECIMAL(15,2) columns of the in-memory
 * table {@code n} (a price {@code a} and a discount {@code b}). The compiled expressions have no
 * public kernel, so each is measured through minimal SQL and summed to one value: addition
 * (scaled longs), {@code a * (1 - b)} (Q1's discounted price) and {@code a * b}, whose results
 * need more than 18 digits of precision.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx4g"})
public class DecimalKernelBenchmark extends NumbersTableState {
  @Benchmark
  public List<Object> add() {
    return NumbersTable.onlyRow(session.sql("SELECT sum(a + b) FROM n"));
  }

  @Benchmark
  public List<Object> discountedPrice() {
    return NumbersTable.onlyRow(session.sql("SELECT sum(a * (1 - b)) FROM n"));
  }

  @Benchmark
  public List<Object> multiply() {
    return NumbersTable.onlyRow(session.sql("SELECT sum(a * b) FROM n"));
  }
}
