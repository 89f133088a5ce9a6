package io.quiver.engine.exec.sort;

import static io.quiver.engine.exec.TestBatches.field;
import static io.quiver.engine.exec.TestBatches.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.exec.AllTypes;
import io.quiver.engine.exec.AllocatorTestBase;
import io.quiver.engine.exec.TestBatches;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

class RowComparatorTest extends AllocatorTestBase {
  private static int sign(int value) {
    return Integer.signum(value);
  }

  private static int[] order(RowComparator comparator, int rows) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      order.add(i);
    }
    order.sort(comparator::compare);
    return order.stream().mapToInt(Integer::intValue).toArray();
  }

  @Test
  void doublesPutNanAboveEverythingAndNegativeZeroEqualToZero() {
    Schema schema = TestBatches.schema(field("d", AllTypes.DOUBLE), field("f", AllTypes.REAL));
    try (VectorSchemaRoot root = TestBatches.batch(allocator, schema,
        row(Double.NaN, Float.NaN), row(Double.POSITIVE_INFINITY, Float.POSITIVE_INFINITY),
        row(-0.0, -0.0f), row(0.0, 0.0f), row(null, null), row(-1.5, -1.5f),
        row(Double.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY))) {
      for (int column = 0; column < 2; column++) {
        RowComparator ascending = RowComparator.create(root, List.of(SortKey.ascending(column)));
        assertThat(sign(ascending.compare(2, 3))).isZero();
        assertThat(sign(ascending.compare(0, 1))).isPositive();
        assertThat(sign(ascending.compare(0, 0))).isZero();
        assertThat(sign(ascending.compare(4, 0))).isPositive();
        assertThat(order(ascending, 7)).containsExactly(6, 5, 2, 3, 1, 0, 4);
        RowComparator descending =
            RowComparator.create(root, List.of(SortKey.descending(column)));
        assertThat(order(descending, 7)).containsExactly(4, 0, 1, 2, 3, 5, 6);
      }
    }
  }

  @Test
  void stringsCompareUnsignedBytesThenLength() {
    Schema schema = TestBatches.schema(field("v", AllTypes.VARCHAR));
    try (VectorSchemaRoot root = TestBatches.batch(allocator, schema, row("abcdefghij"),
        row("é"), row("z"), row(""), row("abcdefghi"), row("abcdefgh\u0001"), row((Object) null),
        row("abcdefghijk"))) {
      RowComparator comparator =
          RowComparator.create(root, List.of(new SortKey(0, false, true)));
      assertThat(order(comparator, 8)).containsExactly(6, 3, 5, 4, 0, 7, 2, 1);
    }
  }

  @Test
  void decimalsCompareAs128BitIntegers() {
    Schema schema = TestBatches.schema(field("dec", AllTypes.DECIMAL));
    try (VectorSchemaRoot root = TestBatches.batch(allocator, schema,
        row(new BigDecimal("1.00")), row(new BigDecimal("-1.00")),
        row(new BigDecimal("123456789012345678901234.56")),
        row(new BigDecimal("-123456789012345678901234.56")), row(new BigDecimal("0.01")),
        row(new BigDecimal("-0.01")), row(new BigDecimal("18446744073709551.61")))) {
      RowComparator comparator = RowComparator.create(root, List.of(SortKey.ascending(0)));
      assertThat(order(comparator, 7)).containsExactly(3, 1, 5, 4, 0, 6, 2);
    }
  }

  @Test
  void dayTimeIntervalsCompareByTotalLength() {
    Schema schema = TestBatches.schema(field("i", AllTypes.DAY_TIME));
    try (VectorSchemaRoot root = TestBatches.batch(allocator, schema,
        row(Duration.ofDays(1)), row(Duration.ofHours(25)), row(Duration.ofHours(23)))) {
      RowComparator comparator = RowComparator.create(root, List.of(SortKey.ascending(0)));
      assertThat(order(comparator, 3)).containsExactly(2, 0, 1);
    }
  }

  @Test
  void everyTypeAgreesWithJavaOrderingAcrossTwoRoots() {
    int rows = 60;
    try (VectorSchemaRoot left =
            TestBatches.batch(allocator, AllTypes.SCHEMA, AllTypes.rows(0, rows));
        VectorSchemaRoot right =
            TestBatches.batch(allocator, AllTypes.SCHEMA, AllTypes.rows(17, rows))) {
      for (int column = 0; column < AllTypes.SCHEMA.getFields().size(); column++) {
        for (boolean descending : new boolean[] {false, true}) {
          for (boolean nullsFirst : new boolean[] {false, true}) {
            SortKey key = new SortKey(column, descending, nullsFirst);
            RowComparator comparator = RowComparator.create(left, right, List.of(key));
            Comparator<Object> model = model(column, descending, nullsFirst);
            for (int l = 0; l < rows; l++) {
              for (int r = 0; r < rows; r++) {
                Object a = AllTypes.value(l, column);
                Object b = AllTypes.value(17 + r, column);
                assertThat(sign(comparator.compare(l, r)))
                    .as("%s: %s vs %s", key, a, b).isEqualTo(sign(model.compare(a, b)));
              }
            }
          }
        }
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Comparator<Object> model(int column, boolean descending, boolean nullsFirst) {
    Comparator<Object> values;
    if (column == 13) {
      values = Comparator.comparingLong(v -> ((java.time.Period) v).toTotalMonths());
    } else {
      values = (a, b) -> ((Comparable) a).compareTo(b);
    }
    if (descending) {
      values = values.reversed();
    }
    return nullsFirst ? Comparator.nullsFirst(values) : Comparator.nullsLast(values);
  }

  @Test
  void multipleKeysBreakTies() {
    Schema schema = TestBatches.schema(field("a", AllTypes.INT), field("b", AllTypes.VARCHAR));
    try (VectorSchemaRoot root = TestBatches.batch(allocator, schema, row(1, "b"), row(1, "a"),
        row(null, "c"), row(0, null), row(1, null))) {
      RowComparator comparator = RowComparator.create(root,
          List.of(SortKey.descending(0), new SortKey(1, false, true)));
      assertThat(order(comparator, 5)).containsExactly(2, 4, 1, 0, 3);
      assertThat(RowComparator.create(root, List.of()).compare(0, 1)).isZero();
    }
  }
}
