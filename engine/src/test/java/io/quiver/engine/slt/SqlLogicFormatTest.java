package io.quiver.engine.slt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.udf.error.ErrorKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLogicFormatTest {
  private static final String FILE = String.join("\n",
      "# a comment",
      "statement ok",
      "CREATE TABLE t AS",
      "SELECT * FROM (VALUES (1, 'a'), (2, NULL)) AS v(x, y)",
      "",
      "statement error PLAN",
      "SELECT nope FROM t",
      "",
      "# errors may carry part of the message and alternative kinds",
      "statement error EXECUTION division by zero",
      "SELECT 1/0",
      "",
      "query error TYPE|PLAN",
      "SELECT DATE '2024-01-01' + DATE '2024-01-02'",
      "",
      "query IT rowsort",
      "SELECT x, y FROM t",
      "----",
      "1\ta",
      "2\tNULL",
      "",
      "query T",
      "SELECT ''",
      "----",
      "(empty)",
      "",
      "query I",
      "SELECT 1 WHERE false",
      "----",
      "",
      "query R valuesort",
      "SELECT 1.5",
      "");

  @Test
  void parsesEveryKindOfRecord() {
    SqlLogicFile file = SqlLogicParser.parse("example.slt", FILE);

    assertThat(file.records()).hasSize(8);
    assertThat(file.records().get(0)).isEqualTo(new StatementRecord(2,
        "CREATE TABLE t AS\nSELECT * FROM (VALUES (1, 'a'), (2, NULL)) AS v(x, y)"));
    assertThat(file.records().get(1))
        .isEqualTo(new ErrorRecord(6, "SELECT nope FROM t", java.util.Set.of(ErrorKind.PLAN), ""));
    assertThat(file.records().get(2)).isEqualTo(new ErrorRecord(10, "SELECT 1/0",
        java.util.Set.of(ErrorKind.EXECUTION), "division by zero"));
    assertThat(((ErrorRecord) file.records().get(3)).kinds())
        .containsExactlyInAnyOrder(ErrorKind.TYPE, ErrorKind.PLAN);

    QueryRecord query = (QueryRecord) file.records().get(4);
    assertThat(query.line()).isEqualTo(16);
    assertThat(query.sql()).isEqualTo("SELECT x, y FROM t");
    assertThat(query.columnTypes()).isEqualTo("IT");
    assertThat(query.sortMode()).isEqualTo(SortMode.ROWSORT);
    assertThat(query.expectedRows()).containsExactly(List.of("1", "a"), List.of("2", "NULL"));
    assertThat(query.hasResultMarker()).isTrue();
    assertThat(file.lines().subList(query.resultsFirstLine(), query.resultsEndLine()))
        .containsExactly("1\ta", "2\tNULL");

    assertThat(((QueryRecord) file.records().get(5)).expectedRows())
        .containsExactly(List.of("(empty)"));
    QueryRecord empty = (QueryRecord) file.records().get(6);
    assertThat(empty.expectedRows()).isEmpty();
    assertThat(empty.hasResultMarker()).isTrue();
    QueryRecord unwritten = (QueryRecord) file.records().get(7);
    assertThat(unwritten.sortMode()).isEqualTo(SortMode.VALUESORT);
    assertThat(unwritten.hasResultMarker()).isFalse();
    assertThat(unwritten.resultsFirstLine()).isEqualTo(file.lines().size());
  }

  @Test
  void rejectsMalformedRecordsNamingTheLine() {
    assertThatThrownBy(() -> SqlLogicParser.parse("f.slt", "statement maybe\nSELECT 1\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("f.slt:1:");
    assertThatThrownBy(() -> SqlLogicParser.parse("f.slt", "\nstatement error NOPE\nSELECT 1"))
        .hasMessageStartingWith("f.slt:2: unknown error kind 'NOPE'");
    assertThatThrownBy(() -> SqlLogicParser.parse("f.slt", "query IX\nSELECT 1\n----\n1"))
        .hasMessageStartingWith("f.slt:1: column types 'IX'");
    assertThatThrownBy(() -> SqlLogicParser.parse("f.slt", "query II\nSELECT 1, 2\n----\n1  2"))
        .hasMessageStartingWith("f.slt:4: expected 2 tab-separated cells");
    assertThatThrownBy(() -> SqlLogicParser.parse("f.slt", "query TT\nSELECT 'a', ''\n----\na\t"))
        .hasMessageStartingWith("f.slt:4: empty cell");
    assertThatThrownBy(() -> SqlLogicParser.parse("f.slt", "query I sorted\nSELECT 1\n----\n1"))
        .hasMessageStartingWith("f.slt:1: unknown sort mode");
    assertThatThrownBy(() -> SqlLogicParser.parse("f.slt", "statement ok\n\nSELECT 1"))
        .hasMessageStartingWith("f.slt:1: the record has no SQL");
    assertThatThrownBy(() -> SqlLogicParser.parse("f.slt", "statement ok\nSELECT 1\n----\n1"))
        .hasMessageStartingWith("f.slt:3: only a query record");
    assertThatThrownBy(() -> SqlLogicParser.parse("f.slt", "skipif duckdb\nquery I\nSELECT 1"))
        .hasMessageStartingWith("f.slt:1: unknown record 'skipif duckdb'");
  }

  @Test
  void comparesRealColumnsNumericallyAndEverythingElseExactly() {
    assertThat(ResultMatcher.cellsEqual('R', "0.3", "0.30000000000000004")).isTrue();
    assertThat(ResultMatcher.cellsEqual('R', "3.5", "3.500000")).isTrue();
    assertThat(ResultMatcher.cellsEqual('R', "1e-13", "0")).isTrue();
    assertThat(ResultMatcher.cellsEqual('R', "1.0001", "1.0")).isFalse();
    assertThat(ResultMatcher.cellsEqual('R', "NULL", "0")).isFalse();
    assertThat(ResultMatcher.cellsEqual('T', "1.50", "1.5")).isFalse();
    assertThat(ResultMatcher.cellsEqual('I', "1", "1.0")).isFalse();
  }

  @Test
  void sortsRowsWithNullsFirstAndNumbersNumerically() {
    QueryRecord record = (QueryRecord) SqlLogicParser
        .parse("f.slt", "query IT rowsort\nSELECT 1\n----\n10\tb\n9\ta\nNULL\tc\n").records()
        .get(0);
    assertThat(ResultMatcher.arrange(record.expectedRows(), "IT", SortMode.ROWSORT))
        .containsExactly(List.of("NULL", "c"), List.of("9", "a"), List.of("10", "b"));
    assertThat(ResultMatcher.mismatch(record,
        List.of(List.of("9", "a"), List.of("NULL", "c"), List.of("10", "b")))).isNull();
    assertThat(ResultMatcher.mismatch(record, List.of(List.of("9", "a"))))
        .isEqualTo("row 1 column 1: expected NULL but got 9");
    assertThat(ResultMatcher.mismatch(record,
        List.of(List.of("9", "a"), List.of("NULL", "c"), List.of("10", "b"), List.of("11", "d"))))
        .isEqualTo("expected 3 rows but got 4");
  }

  @Test
  void rewritingReplacesOrInsertsTheRows() {
    String text = "query I\nSELECT 1\n----\n2\n\nquery T\nSELECT 'a'\n";
    SqlLogicFile file = SqlLogicParser.parse("f.slt", text);
    SqlLogicFileRun run = new SqlLogicFileRun(file, null, 0, true);
    run.recordRewrite((QueryRecord) file.records().get(0), List.of(List.of("1")));
    run.recordRewrite((QueryRecord) file.records().get(1), List.of(List.of("a")));
    assertThat(run.rewrittenText())
        .isEqualTo("query I\nSELECT 1\n----\n1\n\nquery T\nSELECT 'a'\n----\na\n");
  }
}
