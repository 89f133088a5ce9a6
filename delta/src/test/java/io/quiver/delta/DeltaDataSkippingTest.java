package io.quiver.delta;

import static io.quiver.delta.DeltaTestTables.literal;
import static io.quiver.delta.DeltaTestTables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.delta.DeltaScanHarness.Scanned;
import io.quiver.engine.SessionTestBase;
import io.quiver.udf.function.ColumnPredicate;
import io.quiver.udf.function.ColumnPredicate.Operator;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Partition pruning and data skipping by file statistics from the query's predicates: the same
 * rows with and without pushdown ({@code enable_parquet_pushdown=false}), fewer data files
 * opened with it, the LIMIT honoured; on a hand-written table with statistics
 * ({@link StatsTables}) and on a corpus table with partitions, deletion vectors and a checkpoint.
 * Every test ends with the allocator empty ({@link SessionTestBase}, and each direct scan's
 * own allocator is closed).
 */
class DeltaDataSkippingTest extends StatsTableTestBase {
  private static final String NO_PUSHDOWN = "{\"scan_config\": {\"scan_config_version\": 1,"
      + " \"enable_parquet_pushdown\": false}}";
  // columns of StatsTables: id, v, d, p
  private static final int ID = 0;
  private static final int V = 1;
  private static final int D = 2;
  private static final int P = 3;

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "id >= 350 | 50",
    "id < 100 | 100",
    "id = 150 | 1",
    "id IN (5, 305) | 2",
    "id <> 7 | 399",
    "p = 'a' | 200",
    "p <> 'a' | 200",
    "p IN ('b') AND id < 250 | 50",
    "v = 'v42' | 1",
    "id IS NULL | 0",
    "p IS NOT NULL | 400",
    "d < 30 | 20",
    "d > 580 | 13",
    "d = 0 | 1",
    "id = 150.0 | 1",
    "id > 9999999999999999999 | 0"})
  void sameRowsWithAndWithoutPushdown(String condition, int expected) {
    String sql = "SELECT id, v, d, p FROM delta_scan(" + literal(table) + "%s) WHERE "
        + condition + " ORDER BY id";
    List<List<Object>> pushed = rows(String.format(sql, ""));
    List<List<Object>> unpushed = rows(String.format(sql, ", '" + NO_PUSHDOWN + "'"));
    assertThat(pushed).hasSize(expected).isEqualTo(unpushed);
  }

  @Test
  void theEnginePushesThePredicatesToTheScan() {
    String plan = rows("EXPLAIN SELECT id FROM delta_scan(" + literal(table)
        + ") WHERE id >= 350 AND p = 'b'").toString();
    assertThat(plan).contains("predicates=");
  }

  static Stream<Arguments> filesOpened() {
    return Stream.of(
        Arguments.of("id >= 350", List.of(predicate(ID, Operator.GREATER_THAN_OR_EQUAL, 350L)),
            1),
        Arguments.of("id < 100", List.of(predicate(ID, Operator.LESS_THAN, 100L)), 1),
        Arguments.of("id > 99", List.of(predicate(ID, Operator.GREATER_THAN, 99L)), 3),
        Arguments.of("id <= 100", List.of(predicate(ID, Operator.LESS_THAN_OR_EQUAL, 100L)), 2),
        Arguments.of("id = 150", List.of(predicate(ID, Operator.EQUAL, 150L)), 1),
        Arguments.of("id = 150.0 (double)", List.of(predicate(ID, Operator.EQUAL, 150.0)), 1),
        Arguments.of("id = 150 (decimal)",
            List.of(predicate(ID, Operator.EQUAL, new BigDecimal("150.00"))), 1),
        Arguments.of("id = 150.5: not an integer, not pushed",
            List.of(predicate(ID, Operator.EQUAL, 150.5)), 4),
        Arguments.of("id IN (5, 305)",
            List.of(new ColumnPredicate(ID, Operator.IN, List.of(5L, 305L))), 2),
        Arguments.of("id <> 7", List.of(predicate(ID, Operator.NOT_EQUAL, 7L)), 4),
        Arguments.of("p = 'a'", List.of(predicate(P, Operator.EQUAL, "a")), 2),
        Arguments.of("p <> 'a'", List.of(predicate(P, Operator.NOT_EQUAL, "a")), 2),
        Arguments.of("p IN ('b') AND id < 250",
            List.of(new ColumnPredicate(P, Operator.IN, List.of("b")),
                predicate(ID, Operator.LESS_THAN, 250L)), 1),
        Arguments.of("v = 'v42'", List.of(predicate(V, Operator.EQUAL, "v42")), 1),
        Arguments.of("id IS NULL", List.of(new ColumnPredicate(ID, Operator.IS_NULL,
            List.of())), 0),
        Arguments.of("p IS NULL", List.of(new ColumnPredicate(P, Operator.IS_NULL,
            List.of())), 0),
        Arguments.of("id IS NOT NULL", List.of(new ColumnPredicate(ID, Operator.IS_NOT_NULL,
            List.of())), 4),
        Arguments.of("d < 30", List.of(predicate(D, Operator.LESS_THAN, 30.0)), 1),
        Arguments.of("d > 580: not pushed for a double column",
            List.of(predicate(D, Operator.GREATER_THAN, 580.0)), 4),
        Arguments.of("d = 0: zero not pushed for a double column",
            List.of(predicate(D, Operator.EQUAL, 0.0)), 4),
        Arguments.of("id = 'x': a string for a long column, not pushed",
            List.of(predicate(ID, Operator.EQUAL, "x")), 4),
        Arguments.of("no predicate", List.of(), 4));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void filesOpened(String name, List<ColumnPredicate> predicates, int files) {
    Scanned pushed = harness.scan(table, null, predicates, -1);
    assertThat(pushed.filesOpened()).as(name).isEqualTo(files);
    assertThat(pushed.rows()).isEqualTo((long) files * StatsTables.ROWS_PER_FILE);
    Scanned unpushed = harness.scan(table, NO_PUSHDOWN, predicates, -1);
    assertThat(unpushed.filesOpened()).isEqualTo(4);
    assertThat(unpushed.rows()).isEqualTo(400);
  }

  @Test
  void limitStopsOpeningFiles() {
    Scanned limited = harness.scan(table, null, List.of(), 5);
    assertThat(limited.filesOpened()).isEqualTo(1);
    assertThat(limited.rows()).isBetween(5L, (long) BATCH);
    assertThat(rows("SELECT count(*) FROM (SELECT id FROM delta_scan(" + literal(table)
        + ") LIMIT 5)")).containsExactly(List.of(5L));
  }

  @Test
  void corpusTableWithPartitionsDeletionVectorsAndCheckpoint() {
    Path corpus = table("delta-golden/dv-partitioned-with-checkpoint");
    String sql = "SELECT * FROM delta_scan(" + literal(corpus) + "%s) WHERE part = 5"
        + " ORDER BY col1, col2";
    List<List<Object>> pushed = rows(String.format(sql, ""));
    assertThat(pushed).isNotEmpty().isEqualTo(rows(String.format(sql, ", '" + NO_PUSHDOWN
        + "'")));
    List<ColumnPredicate> partFive = List.of(predicate(0, Operator.EQUAL, 5L));
    Scanned all = harness.scan(corpus, NO_PUSHDOWN, partFive, -1);
    Scanned pruned = harness.scan(corpus, null, partFive, -1);
    assertThat(pruned.filesOpened()).isPositive().isLessThan(all.filesOpened());
    assertThat(rows("SELECT count(*) FROM delta_scan(" + literal(corpus) + ") WHERE part = 5"))
        .containsExactly(List.of(pruned.rows()));
  }

  @Test
  void corpusTableWithStatsOfEveryType() {
    Path corpus = table("delta-golden/data-skipping-partition-and-data-column");
    for (String condition : List.of("part = 1", "id = 0", "id > 0", "part = 1 AND id < 1",
        "id IS NULL")) {
      String sql = "SELECT * FROM delta_scan(" + literal(corpus) + "%s) WHERE " + condition
          + " ORDER BY 1, 2";
      assertThat(rows(String.format(sql, ""))).as(condition)
          .isEqualTo(rows(String.format(sql, ", '" + NO_PUSHDOWN + "'")));
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "partition-values | as_int = 1 | 1",
    "partition-values | as_int <> 1 | 1",
    "partition-values | as_int IS NULL | 1",
    "partition-values | as_long > 0 | 1",
    "partition-values | as_byte < 1 | 1",
    "partition-values | as_short IN (0, 1) | 2",
    "partition-values | as_boolean = true | 1",
    "partition-values | as_float < 1 | 1",
    "partition-values | as_double = 1.0 | 1",
    "partition-values | as_string = '1' | 1",
    "partition-values | as_string_lit_null = 'null' | 2",
    "partition-values | as_date = DATE '2021-09-08' | 2",
    "partition-values | as_timestamp <= TIMESTAMP '2021-09-08 11:11:11' | 2",
    "partition-values | as_big_decimal = 1 | 1",
    "partition-values | as_big_decimal > 0.5 | 1",
    "partition-values | as_date IS NOT NULL AND as_int < 1 | 1",
    "column-mapping | as_int = 1 | 1",
    "column-mapping | as_long >= 0 AND \"value\" IS NOT NULL | 2",
    "column-mapping | as_string <> '1' | 1",
    "stats-all-types | as_int = 0 | 1",
    "stats-all-types | as_int > 0 | 0",
    "stats-all-types | as_long < 0 | 0",
    "stats-all-types | as_byte <> 0 | 0",
    "stats-all-types | as_short >= 0 | 1",
    "stats-all-types | as_float < 1 | 1",
    "stats-all-types | as_double = 0 | 1",
    "stats-all-types | as_string = '0' | 1",
    "stats-all-types | as_string > '0' | 0",
    "stats-all-types | as_date = DATE '2000-01-01' | 1",
    "stats-all-types | as_date > DATE '2000-01-01' | 0",
    "stats-all-types | as_timestamp = TIMESTAMP '2000-01-01 08:00:00' | 1",
    "stats-all-types | as_timestamp < TIMESTAMP '2000-01-01 08:00:00' | 0",
    "stats-all-types | as_big_decimal IN (0, 5) | 1",
    "stats-all-types | as_big_decimal IS NULL | 0"})
  void everyColumnTypeGivesTheSameRowsWithAndWithoutPushdown(String name, String condition,
      int expected) {
    // partition-values: partitioned by a column of every type, one partition all NULL;
    // column-mapping: the same with column mapping by name (Kernel takes logical names);
    // stats-all-types: statistics for a column of every type
    Path corpus = table(switch (name) {
      case "partition-values" -> "delta-golden/data-reader-partition-values";
      case "column-mapping" ->
          "delta-kernel-tables/data-reader-partition-values-column-mapping-name";
      default -> "delta-golden/data-skipping-basic-stats-all-types";
    });
    String sql = "SELECT * FROM delta_scan(" + literal(corpus) + "%s) WHERE " + condition;
    List<String> pushed = sorted(rows(String.format(sql, "")));
    assertThat(pushed).as(condition).hasSize(expected)
        .isEqualTo(sorted(rows(String.format(sql, ", '" + NO_PUSHDOWN + "'"))));
  }

  private static List<String> sorted(List<List<Object>> rows) {
    return rows.stream().map(Object::toString).sorted().toList();
  }

  private static ColumnPredicate predicate(int column, Operator operator, Object value) {
    return new ColumnPredicate(column, operator, List.of(value));
  }
}
