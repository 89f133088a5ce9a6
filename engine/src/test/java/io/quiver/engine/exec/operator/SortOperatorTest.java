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
import java.util.Comparator;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

class SortOperatorTest extends OperatorTestBase {
  private static final Schema SCHEMA =
      TestBatches.schema(field("k", AllTypes.INT), field("v", AllTypes.VARCHAR));

  private Operator input() {
    return scan(SCHEMA,
        table(SCHEMA, row(3, "c"), row(null, "n1"), row(1, "a"), row(3, "b")),
        table(SCHEMA),
        table(SCHEMA, row(2, null), row(-5, "z"), row(null, "n2"), row(1, "a2"), row(3, "a")));
  }

  @Test
  void sortsAcrossBatchesWithNullsAndTwoKeys() {
    Operator sort = new SortOperator(context, input(),
        List.of(SortKey.descending(0), new SortKey(1, false, false)));
    assertThat(run(sort)).containsExactly(list(null, "n1"), list(null, "n2"), list(3, "a"),
        list(3, "b"), list(3, "c"), list(2, null), list(1, "a"), list(1, "a2"),
        list(-5, "z"));
  }

  @Test
  void singleIntegerKeyIsStableAndPlacesNulls() {
    Operator ascending = new SortOperator(context, input(), List.of(SortKey.ascending(0)));
    assertThat(run(ascending)).containsExactly(list(-5, "z"), list(1, "a"), list(1, "a2"),
        list(2, null), list(3, "c"), list(3, "b"), list(3, "a"), list(null, "n1"),
        list(null, "n2"));
    Operator nullsFirst = new SortOperator(context, input(), List.of(new SortKey(0, true,
        true)));
    assertThat(run(nullsFirst)).containsExactly(list(null, "n1"), list(null, "n2"),
        list(3, "c"), list(3, "b"), list(3, "a"), list(2, null), list(1, "a"), list(1, "a2"),
        list(-5, "z"));
  }

  @Test
  void sortsEveryTypeLikeAStableJavaSort() {
    int rows = 200;
    VectorSchemaRoot data = table(AllTypes.SCHEMA, AllTypes.rows(0, rows));
    List<List<Object>> original = TestBatches.rows(data);
    for (int column = 0; column < AllTypes.SCHEMA.getFields().size(); column++) {
      for (boolean descending : new boolean[] {false, true}) {
        SortKey key = new SortKey(column, descending, !descending);
        Operator sort = new SortOperator(context, scan(AllTypes.SCHEMA, data), List.of(key));
        List<List<Object>> expected = new ArrayList<>(original);
        expected.sort(model(key));
        assertThat(run(sort)).as("%s", key).isEqualTo(expected);
      }
    }
  }

  @Test
  void stringKeysWithACommonPrefixTiesAndASecondKey() {
    Schema schema = TestBatches.schema(field("s", AllTypes.VARCHAR), field("i", AllTypes.INT),
        field("d", AllTypes.DECIMAL));
    java.util.Random random = new java.util.Random(5);
    Object[][] rows = new Object[300][];
    for (int r = 0; r < rows.length; r++) {
      int pick = random.nextInt(40);
      String text = pick == 0 ? null : pick == 1 ? "Customer#" : pick == 2 ? "Customer#\u0000"
          : "Customer#" + "0".repeat(random.nextInt(3)) + random.nextInt(30);
      rows[r] = row(text, random.nextInt(5) == 0 ? null : random.nextInt(4),
          random.nextInt(6) == 0 ? null : new java.math.BigDecimal(random.nextInt(2000) - 1000)
              .scaleByPowerOfTen(random.nextInt(3) * 10).setScale(2));
    }
    VectorSchemaRoot data = table(schema, rows);
    List<List<Object>> original = TestBatches.rows(data);
    List<List<SortKey>> orders = List.of(
        List.of(SortKey.ascending(0), SortKey.descending(1)),
        List.of(new SortKey(0, true, false), new SortKey(1, false, true)),
        List.of(SortKey.descending(2), SortKey.ascending(0)),
        List.of(SortKey.ascending(1), SortKey.ascending(2), SortKey.descending(0)));
    for (List<SortKey> keys : orders) {
      Comparator<List<Object>> model = model(keys.get(0));
      for (int k = 1; k < keys.size(); k++) {
        model = model.thenComparing(model(keys.get(k)));
      }
      List<List<Object>> expected = new ArrayList<>(original);
      expected.sort(model);
      assertThat(run(new SortOperator(context, scan(schema, data), keys))).as("%s", keys)
          .isEqualTo(expected);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Comparator<List<Object>> model(SortKey key) {
    Comparator<Object> values = key.column() == 13
        ? Comparator.comparingLong(v -> ((java.time.Period) v).toTotalMonths())
        : (a, b) -> ((Comparable) a).compareTo(b);
    if (key.descending()) {
      values = values.reversed();
    }
    Comparator<Object> withNulls =
        key.nullsFirst() ? Comparator.nullsFirst(values) : Comparator.nullsLast(values);
    return (a, b) -> withNulls.compare(a.get(key.column()), b.get(key.column()));
  }

  @Test
  void emptyInputGivesNoRows() {
    Operator sort = new SortOperator(context, scan(SCHEMA, table(SCHEMA)),
        List.of(SortKey.ascending(0)));
    assertThat(run(sort)).isEmpty();
  }

  @Test
  void closingBeforeTheEndReleasesEverything() {
    Operator sort = new SortOperator(context, input(), List.of(SortKey.ascending(1)));
    assertThat(sort.next().getRowCount()).isEqualTo(3);
    sort.close();
    sort.close();
  }

  @Test
  void describesItsKeys() {
    try (Operator sort = new SortOperator(context, input(),
        List.of(SortKey.descending(0), SortKey.ascending(1)))) {
      assertThat(sort.describe()).isEqualTo("Sort[$0 DESC NULLS FIRST, $1 ASC NULLS LAST]");
    }
  }
}
