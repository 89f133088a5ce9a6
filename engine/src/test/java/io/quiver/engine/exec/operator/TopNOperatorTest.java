package io.quiver.engine.exec.operator;

import static io.quiver.engine.exec.TestBatches.field;
import static io.quiver.engine.exec.TestBatches.list;
import static io.quiver.engine.exec.TestBatches.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.exec.AllTypes;
import io.quiver.engine.exec.Operator;
import io.quiver.engine.exec.OperatorTestBase;
import io.quiver.engine.exec.TestBatches;
import io.quiver.engine.exec.sort.SortKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

class TopNOperatorTest extends OperatorTestBase {
  private static final Schema SCHEMA =
      TestBatches.schema(field("k", AllTypes.BIGINT), field("v", AllTypes.VARCHAR));

  private Operator input() {
    return scan(SCHEMA,
        table(SCHEMA, row(30L, "c"), row(null, "n1"), row(10L, "a"), row(30L, "b")),
        table(SCHEMA, row(20L, null), row(-5L, "z"), row(null, "n2"), row(10L, "a2")));
  }

  @Test
  void returnsTheRowsAfterTheOffset() {
    Operator topN = new TopNOperator(context, input(), List.of(SortKey.ascending(0)), 1, 4);
    assertThat(run(topN)).containsExactly(list(10L, "a"), list(10L, "a2"), list(20L, null),
        list(30L, "c"));
  }

  @Test
  void nullsFirstDescending() {
    Operator topN = new TopNOperator(context, input(), List.of(SortKey.descending(0)), 0, 3);
    assertThat(run(topN)).containsExactly(list(null, "n1"), list(null, "n2"), list(30L, "c"));
  }

  @Test
  void offsetPastTheEndAndZeroFetchGiveNothing() {
    assertThat(run(new TopNOperator(context, input(), List.of(SortKey.ascending(0)), 8, 5)))
        .isEmpty();
    assertThat(run(new TopNOperator(context, input(), List.of(SortKey.ascending(0)), 0, 0)))
        .isEmpty();
  }

  @Test
  void noFetchIsAFullSortAfterTheOffset() {
    Operator topN = new TopNOperator(context, input(), List.of(SortKey.ascending(1)), 6, -1);
    assertThat(run(topN)).containsExactly(list(-5L, "z"), list(20L, null));
  }

  @Test
  void compactsWhileKeepingTheBestRowsOfALargeInput() {
    // 500 rows in batches of 3 with a limit of 5: the buffer is compacted many times.
    int rows = 500;
    VectorSchemaRoot data = table(AllTypes.SCHEMA, AllTypes.rows(0, rows));
    for (int column : new int[] {3, 4, 6, 7, 8}) {
      SortKey key = new SortKey(column, column % 2 == 0, column == 4);
      List<List<Object>> expected = new ArrayList<>(TestBatches.rows(data));
      expected.sort(SortOperatorTest.model(key));
      Operator topN = new TopNOperator(context, scan(AllTypes.SCHEMA, data), List.of(key), 2, 5);
      assertThat(run(topN)).as("%s", key).isEqualTo(expected.subList(2, 7));
    }
  }

  @Test
  void tiesKeepInputOrderAcrossCompactionsAndTheThreshold() {
    Object[][] rows = new Object[200][];
    for (int r = 0; r < rows.length; r++) {
      rows[r] = row(r % 7 == 3 ? null : (long) (r * 31 % 5), "row" + r);
    }
    VectorSchemaRoot data = table(SCHEMA, rows);
    for (SortKey key : List.of(SortKey.ascending(0), SortKey.descending(0),
        new SortKey(0, false, true))) {
      List<List<Object>> expected = new ArrayList<>(TestBatches.rows(data));
      expected.sort(SortOperatorTest.model(key));
      Operator topN = new TopNOperator(context, scan(SCHEMA, data), List.of(key), 2, 13);
      assertThat(run(topN)).as("%s", key).isEqualTo(expected.subList(2, 15));
    }
  }

  @Test
  void emptyInput() {
    assertThat(run(new TopNOperator(context, scan(SCHEMA, table(SCHEMA)),
        List.of(SortKey.ascending(0)), 0, 10))).isEmpty();
  }

  @Test
  void closingBeforeTheEndReleasesEverything() {
    Operator topN = new TopNOperator(context, input(), List.of(SortKey.ascending(1)), 0, 7);
    assertThat(topN.next().getRowCount()).isEqualTo(3);
    topN.close();
  }
}
