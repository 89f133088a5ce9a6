package io.quiver.engine.source.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Row ranges of a row group: building, merging, intersecting, overlap tests. */
class RowRangesTest {

  private static RowRanges of(long... bounds) {
    RowRanges.Builder builder = new RowRanges.Builder();
    for (int i = 0; i < bounds.length; i += 2) {
      builder.add(bounds[i], bounds[i + 1]);
    }
    return builder.build();
  }

  @Test
  void touchingAndOverlappingRangesMerge() {
    RowRanges ranges = of(0, 10, 10, 20, 15, 18, 30, 40, 40, 40);
    assertThat(ranges.toString()).isEqualTo("[0..20, 30..40]");
    assertThat(ranges.size()).isEqualTo(2);
    assertThat(ranges.rowCount()).isEqualTo(30);
    assertThat(of()).isEqualTo(RowRanges.empty());
    assertThat(RowRanges.all(0).isEmpty()).isTrue();
    assertThat(RowRanges.all(7)).isEqualTo(of(0, 7));
  }

  @Test
  void rangesMustComeInOrder() {
    assertThatThrownBy(() -> of(10, 20, 5, 8)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void intersectionKeepsRowsInBoth() {
    RowRanges left = of(0, 10, 20, 30, 40, 50);
    RowRanges right = of(5, 25, 29, 41, 60, 70);
    assertThat(left.intersect(right)).isEqualTo(of(5, 10, 20, 25, 29, 30, 40, 41));
    assertThat(right.intersect(left)).isEqualTo(left.intersect(right));
    assertThat(left.intersect(RowRanges.empty()).isEmpty()).isTrue();
    assertThat(left.intersect(RowRanges.all(100))).isEqualTo(left);
    assertThat(of(0, 10).intersect(of(10, 20)).isEmpty()).isTrue();
  }

  @Test
  void overlapsFindsRangesSharingARow() {
    RowRanges ranges = of(10, 20, 30, 40);
    assertThat(ranges.overlaps(0, 10)).isFalse();
    assertThat(ranges.overlaps(0, 11)).isTrue();
    assertThat(ranges.overlaps(19, 30)).isTrue();
    assertThat(ranges.overlaps(20, 30)).isFalse();
    assertThat(ranges.overlaps(39, 100)).isTrue();
    assertThat(ranges.overlaps(40, 100)).isFalse();
    assertThat(ranges.firstEndingAfter(25)).isEqualTo(1);
    assertThat(ranges.firstEndingAfter(45)).isEqualTo(2);
  }
}
