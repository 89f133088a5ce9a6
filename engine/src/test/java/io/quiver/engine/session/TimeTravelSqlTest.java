package io.quiver.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quiver.engine.QuiverSession;
import io.quiver.engine.SessionTestBase;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQL time travel and provider tables through the engine's seams alone, on the
 * {@link VersionedTestProvider} format (version v of table {@code t} holds ids 0..v, latest 3):
 * every syntax form, aliases, joins of two versions, views, text that only looks like a clause,
 * and the errors. Every test ends with the allocator empty and every opened source closed.
 */
class TimeTravelSqlTest extends SessionTestBase {
  @TempDir Path directory;

  @BeforeEach
  void registerTable() {
    VersionedTestProvider.LATEST.put("t-location", 3L);
    session.registerFileTable("t", VersionedTestProvider.FORMAT, "t-location", null);
  }

  @AfterEach
  void everySourceIsClosed() {
    assertThat(VersionedTestProvider.OPEN.get()).as("sources still open").isZero();
  }

  private long count(String sql) {
    return (Long) rows(sql).get(0).get(0);
  }

  @Test
  void latestVersionWithoutClause() {
    assertThat(rows("SELECT count(*), max(v) FROM t")).containsExactly(List.of(4L, 3L));
  }

  @Test
  void everySyntaxForm() {
    assertThat(count("SELECT count(*) FROM t VERSION AS OF 1")).isEqualTo(2);
    assertThat(count("select count(*) from t version as of 0")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM t TIMESTAMP AS OF TIMESTAMP '2024-01-02 00:00:00'"))
        .isEqualTo(2);
    assertThat(count("SELECT count(*) FROM t TIMESTAMP AS OF '2024-01-03T12:00:00Z'"))
        .isEqualTo(3);
    assertThat(count("SELECT count(*) FROM t TIMESTAMP AS OF '2024-01-03 01:00:00+02:00'"))
        .isEqualTo(2);
    assertThat(count("SELECT count(*) FROM t TIMESTAMP AS OF DATE '2024-01-02'")).isEqualTo(2);
    assertThat(count("SELECT count(*) FROM t FOR SYSTEM_TIME AS OF TIMESTAMP"
        + " '2024-01-01 00:00:00'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM t\n  VERSION /* a comment */ AS\n OF 2")).isEqualTo(3);
  }

  @Test
  void aliasesAfterTheClause() {
    assertThat(count("SELECT count(x.id) FROM t VERSION AS OF 1 AS x")).isEqualTo(2);
    assertThat(count("SELECT count(x.id) FROM t TIMESTAMP AS OF '2024-01-01' x")).isEqualTo(1);
    assertThat(rows("SELECT t.id FROM t VERSION AS OF 1 ORDER BY t.id"))
        .containsExactly(List.of(0L), List.of(1L));
    assertThat(rows("SELECT * FROM t VERSION AS OF 0")).containsExactly(List.of(0L, 0L));
  }

  @Test
  void twoVersionsOfOneTableInAJoin() {
    assertThat(rows("SELECT a.id, a.v, b.v FROM t VERSION AS OF 1 a JOIN t VERSION AS OF 2 b"
        + " ON a.id = b.id ORDER BY a.id"))
        .containsExactly(List.of(0L, 1L, 2L), List.of(1L, 1L, 2L));
    assertThat(count("SELECT count(*) FROM t VERSION AS OF 3 a JOIN t b ON a.id = b.id"))
        .isEqualTo(4);
    assertThat(count("SELECT count(*) FROM t VERSION AS OF 1 a, t VERSION AS OF 1 b"))
        .isEqualTo(4);
  }

  @Test
  void subqueriesAndCommonTableExpressions() {
    assertThat(count("SELECT count(*) FROM t WHERE id IN (SELECT id FROM t VERSION AS OF 1)"))
        .isEqualTo(2);
    assertThat(count("SELECT count(*) FROM (SELECT id FROM t VERSION AS OF 2) s")).isEqualTo(3);
    assertThat(count("WITH first_version AS (SELECT * FROM t VERSION AS OF 0) SELECT count(*) FROM first_version"))
        .isEqualTo(1);
    assertThat(count("SELECT (SELECT count(*) FROM t VERSION AS OF 2) FROM t VERSION AS OF 0"))
        .isEqualTo(3);
  }

  @Test
  void stringsCommentsAndQuotedNamesAreNotRewritten() {
    assertThat(rows("SELECT 'x VERSION AS OF 3' AS s, count(*) AS \"TIMESTAMP AS OF\" FROM t"
        + " -- VERSION AS OF 1\n /* TIMESTAMP AS OF '2024-01-01' */"))
        .containsExactly(List.of("x VERSION AS OF 3", 4L));
  }

  @Test
  void viewsOverTheTableAndOverOneVersion() {
    execute("CREATE VIEW latest AS SELECT * FROM t");
    execute("CREATE VIEW first AS SELECT * FROM t VERSION AS OF 0");
    assertThat(count("SELECT count(*) FROM latest")).isEqualTo(4);
    assertThat(count("SELECT count(*) FROM first")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM latest l JOIN first f ON l.id = f.id")).isEqualTo(1);
    VersionedTestProvider.LATEST.put("t-location", 5L);
    assertThat(count("SELECT count(*) FROM latest")).isEqualTo(6);
    QuiverException onView = failure("SELECT * FROM latest VERSION AS OF 1");
    assertThat(onView.kind()).isEqualTo(ErrorKind.UNSUPPORTED);
    assertThat(onView.getMessage()).contains("'latest' is a view");
  }

  @Test
  void aNewCommitIsReadByTheNextQuery() {
    assertThat(count("SELECT count(*) FROM t")).isEqualTo(4);
    VersionedTestProvider.LATEST.put("t-location", 4L);
    assertThat(count("SELECT count(*) FROM t")).isEqualTo(5);
    assertThat(count("SELECT count(*) FROM t VERSION AS OF 4")).isEqualTo(5);
  }

  @Test
  void explainNamesTheVersion() {
    String plan = rows("EXPLAIN SELECT id FROM t VERSION AS OF 2").toString();
    assertThat(plan).contains("t VERSION AS OF 2");
  }

  @Test
  void tablesWithoutHistoryAreUnsupported() throws IOException {
    execute("CREATE TABLE mem AS SELECT 1 AS id");
    QuiverException memory = failure("SELECT * FROM mem VERSION AS OF 1");
    assertThat(memory.kind()).isEqualTo(ErrorKind.UNSUPPORTED);
    assertThat(memory.getMessage()).contains("table 'mem' cannot be read VERSION AS OF 1");
    Path csv = directory.resolve("p.csv");
    Files.writeString(csv, "id\n1\n");
    session.registerFileTable("people", "csv", csv.toString(), null);
    QuiverException file = failure("SELECT * FROM people TIMESTAMP AS OF '2024-01-01'");
    assertThat(file.kind()).isEqualTo(ErrorKind.UNSUPPORTED);
    assertThat(file.getMessage()).contains("'people'");
  }

  @Test
  void outsideTheHistoryIsDataError() {
    QuiverException version = failure("SELECT * FROM t VERSION AS OF 9");
    assertThat(version.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(version.getMessage()).contains("available versions are 0 to 3")
        .contains("t VERSION AS OF 9");
    QuiverException early = failure("SELECT * FROM t TIMESTAMP AS OF '2023-12-31'");
    assertThat(early.kind()).isEqualTo(ErrorKind.DATA);
  }

  @Test
  void badPeriodsAndPlacesAreErrorsAtTheirPosition() {
    QuiverException text = failure("SELECT * FROM t VERSION AS OF 'one'");
    assertThat(text.kind()).isEqualTo(ErrorKind.TYPE);
    assertThat(text.column()).isEqualTo(31);
    assertThat(failure("SELECT * FROM t VERSION AS OF 1.5").kind()).isEqualTo(ErrorKind.TYPE);
    assertThat(failure("SELECT * FROM t VERSION AS OF id").kind()).isEqualTo(ErrorKind.PLAN);
    assertThat(failure("SELECT * FROM t VERSION AS OF -1").kind())
        .isIn(ErrorKind.TYPE, ErrorKind.PLAN);
    assertThat(failure("SELECT * FROM t TIMESTAMP AS OF 3").kind()).isEqualTo(ErrorKind.TYPE);
    QuiverException garbage = failure("SELECT * FROM t TIMESTAMP AS OF 'yesterday'");
    assertThat(garbage.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(garbage.getMessage()).contains("'yesterday' is not a timestamp");
    QuiverException function = failure("SELECT * FROM read_csv('x.csv') VERSION AS OF 1");
    assertThat(function.kind()).isEqualTo(ErrorKind.PARSE);
    assertThat(function.getMessage()).contains("must follow a table name");
    assertThat(function.column()).isEqualTo(33);
    QuiverException missing = failure("SELECT * FROM nope VERSION AS OF 1");
    assertThat(missing.kind()).isEqualTo(ErrorKind.PLAN);
    assertThat(missing.getMessage()).contains("'nope' not found");
    QuiverException truncated = failure("SELECT * FROM t VERSION AS OF");
    assertThat(truncated.kind()).isEqualTo(ErrorKind.PARSE);
  }

  @Test
  void errorPositionsPointIntoTheTextAsWritten() {
    // column 41 is "nope" as written; Calcite saw it 8 columns later
    QuiverException column = failure("SELECT * FROM t VERSION AS OF 1 a WHERE nope = 1");
    assertThat(column.kind()).isEqualTo(ErrorKind.PLAN);
    assertThat(column.column()).isEqualTo(41);
    QuiverException syntax = failure("SELECT * FROM t VERSION AS OF 1 WHERE WHERE");
    assertThat(syntax.kind()).isEqualTo(ErrorKind.PARSE);
    assertThat(syntax.column()).isEqualTo(39);
  }

  @Test
  void registerDeltaWithoutQuiverDeltaIsUnsupported() {
    QuiverException error = catchThrowableOfType(
        () -> session.registerDelta("d", directory.toString(), null), QuiverException.class);
    assertThat(error.kind()).isEqualTo(ErrorKind.UNSUPPORTED);
    assertThat(error.getMessage()).contains("quiver-delta");
    QuiverException format = catchThrowableOfType(
        () -> session.registerFileTable("d", "delta", directory.toString(), null),
        QuiverException.class);
    assertThat(format.kind()).isEqualTo(ErrorKind.PLAN);
    assertThat(format.getMessage()).contains(VersionedTestProvider.FORMAT)
        .contains("quiver-delta");
  }

  @Test
  void aMissingProviderTableFailsWhenRegistered() {
    QuiverException error = catchThrowableOfType(() -> session.registerFileTable("x",
        VersionedTestProvider.FORMAT, "nowhere", null), QuiverException.class);
    assertThat(error.kind()).isEqualTo(ErrorKind.IO);
    assertThat(error.context()).anyMatch(c -> c.contains("'x'"));
    assertThat(session.tableNames()).doesNotContain("x");
  }

  @Test
  void describeReadsTheLatestSchema() {
    assertThat(rows("DESCRIBE t")).hasSize(2);
  }

  @Override
  protected QuiverSession newSession() {
    return QuiverSession.builder().batchSize(3).build();
  }
}
