package io.quiver.engine.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverSession;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 22 TPC-H queries at scale factor 0.01, each run on Quiver and on DuckDB (the oracle) over
 * the same generated data, results compared with {@link ResultComparator}. After every query the
 * session holds only its tables' memory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TpchTest {
  private static final double SCALE_FACTOR = 0.01;

  private QuiverSession session;
  private Connection duckdb;

  @BeforeAll
  void loadBothEngines() throws Exception {
    session = QuiverSession.open();
    duckdb = DriverManager.getConnection("jdbc:duckdb:");
    // A child of the session's root: registerTable shares buffers, which Arrow allows only
    // between allocators of one root.
    try (BufferAllocator generation = session.allocator().newChildAllocator("tpch-generation",
        0, Long.MAX_VALUE)) {
      try (TpchDataSet data = TpchData.generate(SCALE_FACTOR, generation)) {
        data.registerIn(session);
        DuckDbTpchLoader.load(duckdb, data);
      }
      assertThat(generation.getAllocatedMemory()).isZero();
    }
  }

  @AfterAll
  void closeBothEngines() throws Exception {
    duckdb.close();
    assertThat(session.allocator().getAllocatedMemory())
        .isEqualTo(session.tableAllocator().getAllocatedMemory());
    session.close();
    assertThat(session.allocator().getAllocatedMemory()).isZero();
  }

  static IntStream queryNumbers() {
    return IntStream.rangeClosed(1, TpchQueries.COUNT);
  }

  @ParameterizedTest(name = "Q{0}")
  @MethodSource("queryNumbers")
  void matchesDuckDb(int number) throws Exception {
    TpchQuery query = TpchQueries.query(number);
    List<List<Object>> expected = DuckDbQueryRunner.rows(duckdb, query.sql());
    List<List<Object>> actual = holdingOnlyTables(query.name(),
        () -> session.sql(query.sql()).toRows());
    ResultComparator.assertMatches(query, expected, actual);
  }

  @ParameterizedTest(name = "EXPLAIN Q{0}")
  @ValueSource(ints = {5, 7, 8, 9})
  void multiWayJoinsPlanNoNestedLoopOrCrossJoin(int number) {
    TpchQuery query = TpchQueries.query(number);
    String plan = holdingOnlyTables("EXPLAIN " + query.name(), () -> {
      try (QueryResult result = session.sql("EXPLAIN " + query.sql())) {
        StringBuilder text = new StringBuilder();
        for (List<Object> row : result.toRows()) {
          for (Object value : row) {
            text.append(value).append('\n');
          }
        }
        return text.toString();
      }
    });
    assertThat(plan).as("plan of %s", query.name()).contains("HashJoin")
        .doesNotContain("NestedLoopJoin").doesNotContain("CrossJoin");
  }

  /** Runs {@code work} and checks that the session then holds only its tables' memory. */
  private <T> T holdingOnlyTables(String what, Supplier<T> work) {
    T value;
    try {
      value = work.get();
    } catch (RuntimeException | Error failure) {
      long held = session.allocator().getAllocatedMemory();
      long tables = session.tableAllocator().getAllocatedMemory();
      if (held != tables) {
        failure.addSuppressed(new AssertionError(what + " failed and left "
            + (held - tables) + " bytes allocated besides the tables"));
      }
      throw failure;
    }
    assertThat(session.allocator().getAllocatedMemory())
        .as("bytes held after %s besides the tables' %d", what,
            session.tableAllocator().getAllocatedMemory())
        .isEqualTo(session.tableAllocator().getAllocatedMemory());
    return value;
  }
}
