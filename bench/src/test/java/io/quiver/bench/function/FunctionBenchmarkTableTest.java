package io.quiver.bench.function;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.QuiverSession;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionBenchmarkTableTest {
  @Test
  void valuesStayInTheirRangesAndEveryGroupOccurs() {
    boolean[] seen = new boolean[1000];
    for (long row = 0; row < 100_000; row++) {
      assertThat(FunctionBenchmarkTable.x(row)).isBetween(-1000L, 1000L);
      long k = FunctionBenchmarkTable.k(row, 1000);
      assertThat(k).isBetween(0L, 999L);
      seen[(int) k] = true;
    }
    for (boolean group : seen) {
      assertThat(group).isTrue();
    }
  }

  @Test
  void registeredTableHoldsTheRowsInSessionMemoryOnly() {
    long rows = 3 * FunctionBenchmarkTable.ROWS_PER_BATCH + 5;
    try (QuiverSession session = QuiverSession.open()) {
      FunctionBenchmarkTable.register(session, "t", rows, 10);

      List<List<Object>> result = session.sql(
          "SELECT COUNT(*), COUNT(DISTINCT k), MIN(x), MAX(x) FROM t").toRows();

      assertThat(result).containsExactly(List.of(rows, 10L, -1000L, 1000L));
      assertThat(session.allocator().getAllocatedMemory())
          .isEqualTo(session.tableAllocator().getAllocatedMemory());
    }
  }
}
