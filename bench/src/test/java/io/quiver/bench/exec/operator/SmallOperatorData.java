package io.quiver.bench.exec.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/** The small tables the operator benchmarks' tests run on, and their answers computed in Java. */
final class SmallOperatorData {
  static final long ROWS = 10_000;
  static final long LARGE_ROWS = 2_000;

  private SmallOperatorData() {}

  /** Sets the small sizes and sets the benchmark up. */
  static <T extends OperatorBenchmarkState> T setUp(T benchmark) {
    benchmark.rows = ROWS;
    benchmark.largeRows = LARGE_ROWS;
    benchmark.batchSize = 1024;
    benchmark.setUp();
    return benchmark;
  }

  /** Checks that only the tables hold memory, tears down, checks that nothing does. */
  static void tearDown(OperatorBenchmarkState benchmark) {
    try {
      assertThat(benchmark.allocator().getAllocatedMemory())
          .isEqualTo(benchmark.tableAllocator().getAllocatedMemory());
    } finally {
      benchmark.tearDown();
    }
    assertThat(benchmark.allocator().getAllocatedMemory()).isZero();
  }

  /** Every row of {@code t}: x, k_low, k_high, k_small, k_large. */
  static List<long[]> rows() {
    List<long[]> rows = new ArrayList<>();
    for (long row = 0; row < ROWS; row++) {
      rows.add(OperatorBenchmarkTables.row(row, ROWS, LARGE_ROWS));
    }
    return rows;
  }

  /** The sum of {@code value} over the rows of {@code t}. */
  static long sum(ToLongFunction<long[]> value) {
    long sum = 0;
    for (long[] row : rows()) {
      sum += value.applyAsLong(row);
    }
    return sum;
  }

  /** ResultChecksums.weightedSum of {@code SELECT key, sum(x) GROUP BY key}. */
  static long groupedWeightedSum(int keyColumn) {
    long sum = 0;
    for (long[] row : rows()) {
      sum += (row[keyColumn] + 1) * row[0];
    }
    return sum;
  }

  /** orderedChecksum of (x, k_high) rows sorted by {@code order}, the first {@code limit}. */
  static long orderedChecksum(Comparator<long[]> order, int limit) {
    List<long[]> rows = rows();
    rows.sort(order);
    long hash = 0;
    for (long[] row : rows.subList(0, Math.min(limit, rows.size()))) {
      hash = hash * 31 + row[0];
      hash = hash * 31 + row[2];
    }
    return hash;
  }
}
