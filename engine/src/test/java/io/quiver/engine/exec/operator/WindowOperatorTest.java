package io.quiver.engine.exec.operator;

import static io.quiver.engine.exec.TestBatches.field;
import static io.quiver.engine.exec.TestBatches.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.engine.exec.AllTypes;
import io.quiver.engine.exec.Operator;
import io.quiver.engine.exec.OperatorTestBase;
import io.quiver.engine.exec.TestBatches;
import io.quiver.engine.exec.sort.SortKey;
import io.quiver.engine.exec.window.FrameBound;
import io.quiver.engine.exec.window.WindowFrame;
import io.quiver.engine.exec.window.WindowFunction;
import io.quiver.engine.exec.window.WindowFunctionKind;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

class WindowOperatorTest extends OperatorTestBase {
  private static final Schema SCHEMA = TestBatches.schema(field("p", AllTypes.VARCHAR),
      field("o", AllTypes.INT), field("v", AllTypes.BIGINT), field("dflt", AllTypes.BIGINT));
  private static final WindowFrame DEFAULT = WindowFrame.defaultFrame(true);

  private Operator input() {
    return scan(SCHEMA,
        table(SCHEMA, row("a", 4, 40L, -1L), row("b", null, 5L, -1L), row("a", 1, 10L, -1L),
            row("a", 2, null, -1L)),
        table(SCHEMA, row("b", 1, 6L, -1L), row(null, 3, 8L, -1L), row("a", 2, 30L, -1L),
            row("b", 1, 7L, -1L)));
  }

  private static WindowFunction function(WindowFunctionKind kind, int argument, int offset,
      WindowFrame frame, ArrowType type) {
    return new WindowFunction(kind, argument, offset, -1, frame,
        field(kind.name().toLowerCase() + "_" + argument + "_" + offset + "_" + frame.hashCode(),
            type));
  }

  /** Runs the functions over the test input partitioned by p and ordered by o. */
  private List<List<Object>> results(List<WindowFunction> functions) {
    Operator window = new WindowOperator(context, input(), List.of(0),
        List.of(SortKey.ascending(1)), functions);
    List<List<Object>> rows = run(window);
    List<List<Object>> results = new ArrayList<>();
    for (List<Object> row : rows) {
      results.add(new ArrayList<>(row.subList(4, row.size())));
    }
    return results;
  }

  /** Column {@code column} of {@code rows}. */
  private static List<Object> column(List<List<Object>> rows, int column) {
    List<Object> values = new ArrayList<>();
    for (List<Object> row : rows) {
      values.add(row.get(column));
    }
    return values;
  }

  @Test
  void keepsTheInputColumnsInPartitionAndOrderSequence() {
    Operator window = new WindowOperator(context, input(), List.of(0),
        List.of(SortKey.ascending(1)), List.of(function(WindowFunctionKind.ROW_NUMBER, -1, 0,
            DEFAULT, AllTypes.BIGINT)));
    List<List<Object>> rows = run(window);
    List<Object> keys = new ArrayList<>();
    for (List<Object> row : rows) {
      keys.add(row.get(0) + "/" + row.get(1) + "/" + row.get(2) + "#" + row.get(4));
    }
    assertThat(keys).containsExactly("a/1/10#1", "a/2/null#2", "a/2/30#3", "a/4/40#4",
        "b/1/6#1", "b/1/7#2", "b/null/5#3", "null/3/8#1");
  }

  @Test
  void rankingFunctions() {
    List<List<Object>> rows = results(List.of(
        function(WindowFunctionKind.RANK, -1, 0, DEFAULT, AllTypes.BIGINT),
        function(WindowFunctionKind.DENSE_RANK, -1, 0, DEFAULT, AllTypes.BIGINT),
        function(WindowFunctionKind.PERCENT_RANK, -1, 0, DEFAULT, AllTypes.DOUBLE),
        function(WindowFunctionKind.CUME_DIST, -1, 0, DEFAULT, AllTypes.DOUBLE),
        function(WindowFunctionKind.NTILE, -1, 2, DEFAULT, AllTypes.INT)));
    assertThat(column(rows, 0)).containsExactly(1L, 2L, 2L, 4L, 1L, 1L, 3L, 1L);
    assertThat(column(rows, 1)).containsExactly(1L, 2L, 2L, 3L, 1L, 1L, 2L, 1L);
    assertThat(column(rows, 2)).containsExactly(0.0, 1 / 3.0, 1 / 3.0, 1.0, 0.0, 0.0, 1.0,
        0.0);
    assertThat(column(rows, 3)).containsExactly(0.25, 0.75, 0.75, 1.0, 2 / 3.0, 2 / 3.0, 1.0,
        1.0);
    assertThat(column(rows, 4)).containsExactly(1, 1, 2, 2, 1, 1, 2, 1);
  }

  @Test
  void aggregatesOverTheDefaultFrameIncludePeers() {
    List<List<Object>> rows = results(List.of(
        function(WindowFunctionKind.SUM, 2, 0, DEFAULT, AllTypes.BIGINT),
        function(WindowFunctionKind.COUNT, 2, 0, DEFAULT, AllTypes.BIGINT),
        function(WindowFunctionKind.COUNT_STAR, -1, 0, DEFAULT, AllTypes.BIGINT),
        function(WindowFunctionKind.AVG, 2, 0, DEFAULT, AllTypes.DOUBLE),
        function(WindowFunctionKind.MIN, 2, 0, DEFAULT, AllTypes.BIGINT),
        function(WindowFunctionKind.MAX, 2, 0, DEFAULT, AllTypes.BIGINT)));
    assertThat(column(rows, 0)).containsExactly(10L, 40L, 40L, 80L, 13L, 13L, 18L, 8L);
    assertThat(column(rows, 1)).containsExactly(1L, 2L, 2L, 3L, 2L, 2L, 3L, 1L);
    assertThat(column(rows, 2)).containsExactly(1L, 3L, 3L, 4L, 2L, 2L, 3L, 1L);
    assertThat(column(rows, 3)).containsExactly(10.0, 20.0, 20.0, 80 / 3.0, 6.5, 6.5, 6.0,
        8.0);
    assertThat(column(rows, 4)).containsExactly(10L, 10L, 10L, 10L, 6L, 6L, 5L, 8L);
    assertThat(column(rows, 5)).containsExactly(10L, 30L, 30L, 40L, 7L, 7L, 7L, 8L);
  }

  @Test
  void valueFunctions() {
    List<List<Object>> rows = results(List.of(
        function(WindowFunctionKind.LAG, 2, 1, DEFAULT, AllTypes.BIGINT),
        new WindowFunction(WindowFunctionKind.LEAD, 2, 2, 3, DEFAULT,
            field("lead", AllTypes.BIGINT)),
        function(WindowFunctionKind.FIRST_VALUE, 2, 0, DEFAULT, AllTypes.BIGINT),
        function(WindowFunctionKind.LAST_VALUE, 2, 0, DEFAULT, AllTypes.BIGINT),
        function(WindowFunctionKind.NTH_VALUE, 2, 3, DEFAULT, AllTypes.BIGINT)));
    assertThat(column(rows, 0)).containsExactly(null, 10L, null, 30L, null, 6L, 7L, null);
    assertThat(column(rows, 1)).containsExactly(30L, 40L, -1L, -1L, 5L, -1L, -1L, -1L);
    assertThat(column(rows, 2)).containsExactly(10L, 10L, 10L, 10L, 6L, 6L, 6L, 8L);
    assertThat(column(rows, 3)).containsExactly(10L, 30L, 30L, 40L, 7L, 7L, 5L, 8L);
    assertThat(column(rows, 4)).containsExactly(null, 30L, 30L, 30L, null, null, 5L, null);
  }

  @Test
  void rowsFrames() {
    WindowFrame around = new WindowFrame(true, FrameBound.preceding(1), FrameBound.following(1));
    WindowFrame ahead = new WindowFrame(true, FrameBound.following(2), FrameBound.following(3));
    WindowFrame trailing = new WindowFrame(true, FrameBound.preceding(1), FrameBound.CURRENT_ROW);
    List<List<Object>> rows = results(List.of(
        function(WindowFunctionKind.SUM, 2, 0, around, AllTypes.BIGINT),
        function(WindowFunctionKind.SUM, 2, 0, ahead, AllTypes.BIGINT),
        function(WindowFunctionKind.MAX, 2, 0, trailing, AllTypes.BIGINT),
        function(WindowFunctionKind.COUNT_STAR, -1, 0, ahead, AllTypes.BIGINT),
        function(WindowFunctionKind.FIRST_VALUE, 2, 0, ahead, AllTypes.BIGINT)));
    assertThat(column(rows, 0)).containsExactly(10L, 40L, 70L, 70L, 13L, 18L, 12L, 8L);
    assertThat(column(rows, 1)).containsExactly(70L, 40L, null, null, 5L, null, null, null);
    assertThat(column(rows, 2)).containsExactly(10L, 10L, 30L, 40L, 6L, 7L, 7L, 8L);
    assertThat(column(rows, 3)).containsExactly(2L, 1L, 0L, 0L, 1L, 0L, 0L, 0L);
    assertThat(column(rows, 4)).containsExactly(30L, 40L, null, null, 5L, null, null, null);
  }

  @Test
  void rangeFramesWithOffsetsAndNullKeys() {
    WindowFrame around = new WindowFrame(false, FrameBound.preceding(1), FrameBound.following(1));
    WindowFrame rest = new WindowFrame(false, FrameBound.CURRENT_ROW,
        FrameBound.UNBOUNDED_FOLLOWING);
    WindowFrame before = new WindowFrame(false, FrameBound.UNBOUNDED_PRECEDING,
        FrameBound.preceding(1));
    List<List<Object>> rows = results(List.of(
        function(WindowFunctionKind.SUM, 2, 0, around, AllTypes.BIGINT),
        function(WindowFunctionKind.COUNT_STAR, -1, 0, rest, AllTypes.BIGINT),
        function(WindowFunctionKind.COUNT_STAR, -1, 0, before, AllTypes.BIGINT)));
    assertThat(column(rows, 0)).containsExactly(40L, 40L, 40L, 40L, 13L, 13L, 5L, 8L);
    assertThat(column(rows, 1)).containsExactly(4L, 3L, 3L, 1L, 3L, 3L, 1L, 1L);
    // o = 1, 2, 2, 4: keys <= o - 1; the NULL key's frame is its peers
    assertThat(column(rows, 2)).containsExactly(0L, 1L, 1L, 3L, 0L, 0L, 3L, 0L);
  }

  @Test
  void descendingRangeOffsets() {
    WindowFrame frame = new WindowFrame(false, FrameBound.preceding(1), FrameBound.CURRENT_ROW);
    Operator window = new WindowOperator(context, input(), List.of(),
        List.of(SortKey.descending(1)), List.of(
            function(WindowFunctionKind.COUNT_STAR, -1, 0, frame, AllTypes.BIGINT)));
    List<List<Object>> rows = run(window);
    List<Object> results = new ArrayList<>();
    for (List<Object> row : rows) {
      results.add(row.get(1) + ":" + row.get(4));
    }
    // o DESC NULLS FIRST: null, 4, 3, 2, 2, 1, 1, 1; 1 PRECEDING means keys in [o, o + 1]
    assertThat(results).containsExactly("null:1", "4:1", "3:2", "2:3", "2:3", "1:5", "1:5",
        "1:5");
  }

  @Test
  void rangeOffsetsOverDateAndDoubleKeys() {
    Schema schema = TestBatches.schema(field("day", AllTypes.DATE), field("x", AllTypes.DOUBLE));
    java.time.LocalDate start = java.time.LocalDate.of(2024, 2, 27);
    Operator window = new WindowOperator(context, scan(schema, table(schema,
            row(start, 1.0), row(start.plusDays(1), Double.NaN), row(start.plusDays(3), 1.5),
            row(start.plusDays(2), Double.NaN), row(null, 2.0), row(start, -0.0))),
        List.of(), List.of(SortKey.ascending(0)), List.of(function(WindowFunctionKind.COUNT_STAR,
            -1, 0, new WindowFrame(false, FrameBound.preceding(1), FrameBound.CURRENT_ROW),
            AllTypes.BIGINT)));
    List<Object> counts = new ArrayList<>();
    for (List<Object> row : run(window)) {
      counts.add(row.get(2));
    }
    // days 27, 27, 28, 29, 1 March, NULL: the frame holds the rows at most one day earlier
    assertThat(counts).containsExactly(2L, 2L, 3L, 2L, 2L, 1L);

    Operator byDouble = new WindowOperator(context, scan(schema, table(schema,
            row(start, 1.0), row(start, Double.NaN), row(start, 1.5), row(start, Double.NaN),
            row(start, null), row(start, -0.0), row(start, 0.0))),
        List.of(), List.of(SortKey.ascending(1)), List.of(function(WindowFunctionKind.COUNT_STAR,
            -1, 0, new WindowFrame(false, FrameBound.preceding(1), FrameBound.following(0)),
            AllTypes.BIGINT)));
    List<Object> results = new ArrayList<>();
    for (List<Object> row : run(byDouble)) {
      results.add(row.get(1) + ":" + row.get(2));
    }
    // -0.0 and 0.0 are peers; NaN rows are peers of each other only; NULL is alone
    assertThat(results).containsExactly("-0.0:2", "0.0:2", "1.0:3", "1.5:2", "NaN:2", "NaN:2",
        "null:1");
  }

  @Test
  void noPartitionNoOrderIsOneFrame() {
    Operator window = new WindowOperator(context, input(), List.of(), List.of(), List.of(
        function(WindowFunctionKind.SUM, 2, 0, WindowFrame.defaultFrame(false),
            AllTypes.BIGINT),
        function(WindowFunctionKind.RANK, -1, 0, WindowFrame.defaultFrame(false),
            AllTypes.BIGINT)));
    List<List<Object>> rows = run(window);
    assertThat(rows).hasSize(8);
    for (List<Object> row : rows) {
      assertThat(row.subList(4, 6)).containsExactly(106L, 1L);
    }
  }

  @Test
  void sumOverflowIsAnExecutionError() {
    Schema schema = TestBatches.schema(field("v", AllTypes.BIGINT));
    Operator window = new WindowOperator(context,
        scan(schema, table(schema, row(Long.MAX_VALUE), row(1L), row(-5L))), List.of(),
        List.of(), List.of(function(WindowFunctionKind.SUM, 0, 0, WindowFrame.defaultFrame(
            false), AllTypes.BIGINT)));
    // The whole-partition sum Long.MAX_VALUE - 4 fits although a prefix does not.
    assertThat(run(window)).extracting(row -> row.get(1)).containsOnly(Long.MAX_VALUE - 4);
    Operator overflowing = new WindowOperator(context,
        scan(schema, table(schema, row(Long.MAX_VALUE), row(1L))), List.of(),
        List.of(), List.of(function(WindowFunctionKind.SUM, 0, 0, WindowFrame.defaultFrame(
            false), AllTypes.BIGINT)));
    assertThatThrownBy(() -> run(overflowing)).isInstanceOf(QuiverException.class)
        .satisfies(e -> assertThat(((QuiverException) e).kind()).isEqualTo(ErrorKind.EXECUTION));
  }

  @Test
  void rangeOffsetsOnAStringKeyAreUnsupported() {
    WindowFrame frame = new WindowFrame(false, FrameBound.preceding(1), FrameBound.CURRENT_ROW);
    Operator window = new WindowOperator(context, input(), List.of(),
        List.of(SortKey.ascending(0)), List.of(
            function(WindowFunctionKind.COUNT_STAR, -1, 0, frame, AllTypes.BIGINT)));
    assertThatThrownBy(() -> run(window)).isInstanceOf(QuiverException.class)
        .satisfies(e -> assertThat(((QuiverException) e).kind())
            .isEqualTo(ErrorKind.UNSUPPORTED))
        .hasMessageContaining("RANGE BETWEEN 1 PRECEDING AND CURRENT ROW");
  }

  @Test
  void emptyInput() {
    Operator window = new WindowOperator(context, scan(SCHEMA, table(SCHEMA)), List.of(0),
        List.of(SortKey.ascending(1)), List.of(function(WindowFunctionKind.ROW_NUMBER, -1, 0,
            DEFAULT, AllTypes.BIGINT)));
    assertThat(window.schema().getFields()).hasSize(5);
    assertThat(run(window)).isEmpty();
  }

  @Test
  void closingBeforeTheEndReleasesEverything() {
    Operator window = new WindowOperator(context, input(), List.of(0),
        List.of(SortKey.ascending(1)), List.of(
            function(WindowFunctionKind.SUM, 2, 0, DEFAULT, AllTypes.BIGINT),
            function(WindowFunctionKind.LAG, 0, 1, DEFAULT, AllTypes.VARCHAR)));
    assertThat(window.next().getRowCount()).isEqualTo(3);
    window.close();
  }

  @Test
  void describesItself() {
    try (Operator window = new WindowOperator(context, input(), List.of(0),
        List.of(SortKey.ascending(1)), List.of(
            function(WindowFunctionKind.SUM, 2, 0, DEFAULT, AllTypes.BIGINT)))) {
      assertThat(window.describe()).isEqualTo("Window[partition=[0], order=[$1 ASC NULLS LAST],"
          + " functions=[SUM($2) RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW]]");
    }
  }
}
