package io.quiver.engine.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResultComparatorTest {
  private static List<List<Object>> rows(List<Object>... rows) {
    return List.of(rows);
  }

  private static Optional<String> compare(List<Integer> keys, boolean limited,
      List<List<Object>> expected, List<List<Object>> actual) {
    return ResultComparator.compare("Qx", keys, limited, expected, actual);
  }

  @Test
  void equalResultsMatch() {
    List<List<Object>> result = rows(List.of("A", 1L, new BigDecimal("1.50"),
        LocalDate.of(1995, 1, 1)));
    assertThat(compare(List.of(0), false, result, result)).isEmpty();
  }

  @Test
  void differingValueNamesQueryRowColumnAndBothValues() {
    Optional<String> difference = compare(List.of(0), false,
        rows(List.of("A", 1L), List.of("B", 2L)), rows(List.of("A", 1L), List.of("B", 3L)));
    assertThat(difference).get().asString()
        .startsWith("Qx: row 1 column 1: expected 2 (Long) but was 3 (Long)")
        .contains("expected: ['B', 2 (Long)]", "actual:   ['B', 3 (Long)]");
  }

  @Test
  void rowCountDifferenceShowsFirstDifferingRow() {
    assertThat(compare(List.of(0), false, rows(List.of(1L), List.of(2L)), rows(List.of(1L))))
        .get().asString().startsWith("Qx: 1 rows, expected 2; first missing row 1: [2 (Long)]");
  }

  @Test
  void rowsOutOfOrderAreAMismatch() {
    assertThat(compare(List.of(0), false, rows(List.of(1L), List.of(2L)),
        rows(List.of(2L), List.of(1L)))).isPresent();
  }

  @Test
  void tiedOrderKeysCompareAsMultiset() {
    List<List<Object>> expected = rows(List.of(5L, "a"), List.of(5L, "b"), List.of(4L, "c"));
    assertThat(compare(List.of(0), false, expected,
        rows(List.of(5L, "b"), List.of(5L, "a"), List.of(4L, "c")))).isEmpty();
    assertThat(compare(List.of(0), false, expected,
        rows(List.of(5L, "b"), List.of(5L, "b"), List.of(4L, "c")))).get().asString()
        .contains("row 0 (in rows 0..1, whose ORDER BY keys tie) has no equal actual row");
  }

  @Test
  void resultWithoutOrderByComparesAsMultiset() {
    assertThat(compare(List.of(), false, rows(List.of(1L), List.of(2L)),
        rows(List.of(2L), List.of(1L)))).isEmpty();
  }

  @Test
  void tiesCutByLimitOnlyNeedEqualKeys() {
    List<List<Object>> expected = rows(List.of(9L, "a"), List.of(5L, "b"), List.of(5L, "c"));
    List<List<Object>> actual = rows(List.of(9L, "a"), List.of(5L, "x"), List.of(5L, "y"));
    assertThat(compare(List.of(0), true, expected, actual)).isEmpty();
    assertThat(compare(List.of(0), false, expected, actual)).isPresent();
    assertThat(compare(List.of(0), true, expected,
        rows(List.of(9L, "a"), List.of(5L, "x"), List.of(6L, "y")))).isPresent();
  }

  @Test
  void integersCompareExactlyAcrossTypes() {
    assertThat(ResultComparator.valuesEqual(4, 4L)).isTrue();
    assertThat(ResultComparator.valuesEqual(4L, new BigDecimal("4.00"))).isTrue();
    assertThat(ResultComparator.valuesEqual(new BigDecimal("301.00"), 302L)).isFalse();
    assertThat(ResultComparator.valuesEqual(4L, 5L)).isFalse();
  }

  @Test
  void decimalsOfOneScaleCompareExactly() {
    assertThat(ResultComparator.valuesEqual(new BigDecimal("10.25"), new BigDecimal("10.250")))
        .isTrue();
    assertThat(ResultComparator.valuesEqual(new BigDecimal("10.25"), new BigDecimal("10.26")))
        .isFalse();
  }

  @Test
  void decimalsOfOtherScalesMatchWithinOneUnitOfTheCoarser() {
    assertThat(ResultComparator.valuesEqual(new BigDecimal("25.52"),
        new BigDecimal("25.522006"))).isTrue();
    assertThat(ResultComparator.valuesEqual(new BigDecimal("25.50"),
        new BigDecimal("25.522006"))).isFalse();
  }

  @Test
  void doubleAgainstDecimalMatchesWithinOneUnitOfTheDecimal() {
    assertThat(ResultComparator.valuesEqual(25.522005853257337, new BigDecimal("25.52")))
        .isTrue();
    assertThat(ResultComparator.valuesEqual(25.54, new BigDecimal("25.52"))).isFalse();
  }

  @Test
  void doublesMatchWithinRelativeTolerance() {
    assertThat(ResultComparator.valuesEqual(1.0e10, 1.0e10 + 1e-3)).isTrue();
    assertThat(ResultComparator.valuesEqual(1.0, 1.0 + 1e-6)).isFalse();
    assertThat(ResultComparator.valuesEqual(Double.NaN, Double.NaN)).isTrue();
  }

  @Test
  void stringsAndDatesCompareExactly() {
    assertThat(ResultComparator.valuesEqual("BRAZIL", "BRAZIL ")).isFalse();
    assertThat(ResultComparator.valuesEqual(LocalDate.of(1995, 1, 1), LocalDate.of(1995, 1, 2)))
        .isFalse();
    assertThat(ResultComparator.valuesEqual(null, null)).isTrue();
    assertThat(ResultComparator.valuesEqual(null, 0L)).isFalse();
  }
}
