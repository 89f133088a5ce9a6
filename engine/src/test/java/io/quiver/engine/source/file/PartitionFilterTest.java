package io.quiver.engine.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.udf.function.ColumnPredicate;
import io.quiver.udf.function.ColumnPredicate.Operator;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only a definite "cannot match" skips a file. */
class PartitionFilterTest {
  private static ColumnPredicate predicate(Operator operator, Object... values) {
    return new ColumnPredicate(0, operator, List.of(values));
  }

  @Test
  void comparisonsOnNumbersStringsAndDates() {
    assertThat(PartitionFilter.mayMatch(predicate(Operator.EQUAL, 2024L), 2024L)).isTrue();
    assertThat(PartitionFilter.mayMatch(predicate(Operator.EQUAL, 2024L), 2023L)).isFalse();
    assertThat(PartitionFilter.mayMatch(predicate(Operator.LESS_THAN, 2024.5), 2024L)).isTrue();
    assertThat(PartitionFilter.mayMatch(predicate(Operator.GREATER_THAN_OR_EQUAL, 5L), 4))
        .isFalse();
    assertThat(PartitionFilter.mayMatch(predicate(Operator.NOT_EQUAL, "eu"), "eu")).isFalse();
    assertThat(PartitionFilter.mayMatch(predicate(Operator.IN, "us", "eu"), "eu")).isTrue();
    assertThat(PartitionFilter.mayMatch(predicate(Operator.IN, "us", "asia"), "eu")).isFalse();
    assertThat(PartitionFilter.mayMatch(predicate(Operator.LESS_THAN_OR_EQUAL,
        LocalDate.of(2024, 1, 1)), LocalDate.of(2024, 1, 2))).isFalse();
  }

  @Test
  void nullsAndIncomparableValues() {
    assertThat(PartitionFilter.mayMatch(predicate(Operator.IS_NULL), null)).isTrue();
    assertThat(PartitionFilter.mayMatch(predicate(Operator.IS_NULL), 1L)).isFalse();
    assertThat(PartitionFilter.mayMatch(predicate(Operator.IS_NOT_NULL), null)).isFalse();
    assertThat(PartitionFilter.mayMatch(predicate(Operator.EQUAL, 1L), null)).isFalse();
    assertThat(PartitionFilter.mayMatch(predicate(Operator.EQUAL, "1"), 1L)).isTrue();
    assertThat(PartitionFilter.mayMatch(predicate(Operator.IN, "x", 1L), 1L)).isTrue();
  }
}
