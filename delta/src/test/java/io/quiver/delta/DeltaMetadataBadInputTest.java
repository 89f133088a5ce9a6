package io.quiver.delta;

import static io.quiver.delta.DeltaLogFiles.PROTOCOL;
import static io.quiver.delta.DeltaLogFiles.add;
import static io.quiver.delta.DeltaLogFiles.commit;
import static io.quiver.delta.DeltaLogFiles.metadata;
import static io.quiver.delta.DeltaTestTables.copy;
import static io.quiver.delta.DeltaTestTables.literal;
import static io.quiver.delta.DeltaTestTables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.QuiverSession;
import io.quiver.engine.SessionTestBase;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad tables, bad logs, bad statistics and bad options for {@code delta_history},
 * {@code delta_snapshot} and {@code delta_files}: each is a QuiverException of the right kind
 * whose context names the call (with the table URI); no Arrow memory is left behind
 * ({@link SessionTestBase}).
 */
class DeltaMetadataBadInputTest extends SessionTestBase {
  private static final String TABLE = "delta-golden/basic-with-inserts-merge";
  private static final List<String> FUNCTIONS = List.of("delta_history", "delta_snapshot",
      "delta_files");

  @TempDir
  Path temp;

  @Override
  protected QuiverSession newSession() {
    QuiverSession session = QuiverSession.builder().batchSize(100).build();
    DeltaFunctions.register(session);
    return session;
  }

  private QuiverException failure(String function, Path table, String options) {
    return failure("SELECT * FROM " + function + "(" + literal(table)
        + (options == null ? "" : ", '" + options + "'") + ")");
  }

  private static void assertContext(QuiverException error, String function, Path table) {
    assertThat(String.join(" > ", error.context())).contains(function + "('" + table + "')");
  }

  @Test
  void folderWithoutDeltaLog() throws IOException {
    Files.writeString(temp.resolve("x.parquet"), "not really");
    for (String function : FUNCTIONS) {
      QuiverException error = failure(function, temp, null);
      assertThat(error.kind()).as(function).isEqualTo(ErrorKind.DATA);
      assertThat(error.detail()).contains("_delta_log");
      assertContext(error, function, temp);
    }
  }

  @Test
  void missingFolderAndOtherSchemes() {
    Path missing = temp.resolve("nope");
    for (String function : FUNCTIONS) {
      QuiverException error = failure(function, missing, null);
      assertThat(error.kind()).as(function).isEqualTo(ErrorKind.IO);
      assertContext(error, function, missing);
      error = failure("SELECT * FROM " + function + "('s3://bucket/t')");
      assertThat(error.kind()).as(function).isEqualTo(ErrorKind.UNSUPPORTED);
      assertThat(String.join(" > ", error.context())).contains(function + "('s3://bucket/t')");
    }
  }

  @Test
  void nullOrEmptyUri() {
    for (String function : FUNCTIONS) {
      QuiverException error = failure("SELECT * FROM " + function + "('')");
      assertThat(error.kind()).as(function).isEqualTo(ErrorKind.DATA);
      assertThat(error.detail()).contains(function + " needs a table URI");
    }
  }

  @Test
  void truncatedCommit() throws IOException {
    Path table = copy(TABLE, temp.resolve("t"));
    Files.writeString(table.resolve("_delta_log/00000000000000000001.json"),
        "{\"commitInfo\": {\"timestamp\": 1, truncated", StandardCharsets.UTF_8);
    for (String function : FUNCTIONS) {
      QuiverException error = failure(function, table, null);
      assertThat(error.kind()).as(function).isEqualTo(ErrorKind.DATA);
      assertContext(error, function, table);
    }
  }

  @Test
  void commitInfoOfTheWrongTypeNamesTheCommitFile() {
    Path t = temp.resolve("t");
    commit(t, 0, 1_600_000_000_000L, PROTOCOL, metadata("{}"), add("a.parquet", 10, null));
    Path bad = commit(t, 1, 1_600_000_001_000L, add("b.parquet", 10, null),
        "{\"commitInfo\":{\"timestamp\":1,\"operation\":{\"nested\":1},"
            + "\"isBlindAppend\":\"yes\"}}");
    QuiverException error = failure("delta_history", t, null);
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertContext(error, "delta_history", t);
    assertThat(String.join(" > ", error.context())).contains(bad.getFileName().toString());
  }

  @Test
  void historyTakesNoOptions() {
    Path table = table(TABLE);
    QuiverException error = failure("delta_history", table, "{\"version\": 1}");
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.detail()).contains("takes no options");
    assertContext(error, "delta_history", table);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "{\"version\": 1",
    "{\"version\": \"1\"}",
    "{\"version\": -1}",
    "{\"timestamp\": 5}",
    "{\"verison\": 1}",
    "[1]"})
  void malformedOptions(String options) {
    Path table = table(TABLE);
    for (String function : List.of("delta_snapshot", "delta_files")) {
      QuiverException error = failure(function, table, options);
      assertThat(error.kind()).as(function + " " + options).isEqualTo(ErrorKind.DATA);
      assertContext(error, function, table);
    }
  }

  @Test
  void versionOutsideTheHistory() {
    Path table = table(TABLE);
    for (String function : List.of("delta_snapshot", "delta_files")) {
      QuiverException error = failure(function, table, "{\"version\": 9}");
      assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
      assertThat(error.detail()).contains("available versions are 0 to 1");
      assertThat(String.join(" > ", error.context())).contains("version 9");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "{\"numRecords\": 3",
    "{\"numRecords\": \"three\"}",
    "{\"numRecords\": -3}",
    "{\"numRecords\": 1.5}",
    "[3]",
    "garbage"})
  void badStatisticsNameTheFile(String stats) {
    Path t = temp.resolve("t");
    commit(t, 0, 1_600_000_000_000L, PROTOCOL, metadata("{}"), add("good.parquet", 10,
        "{\"numRecords\":3}"), add("bad.parquet", 10, stats));
    QuiverException error = failure("delta_files", t, null);
    assertThat(error.kind()).as(stats).isEqualTo(ErrorKind.DATA);
    assertThat(error.detail()).contains("statistics of data file")
        .contains(t.resolve("bad.parquet").toString());
    assertContext(error, "delta_files", t);
  }

  @Test
  void unknownStatisticsKeysAreAllowed() {
    Path t = temp.resolve("t");
    commit(t, 0, 1_600_000_000_000L, PROTOCOL, metadata("{}"), add("a.parquet", 10,
        "{\"numRecords\":3,\"tightBounds\":true,\"someWriter\":{\"x\":[1]}}"));
    assertThat(rows("SELECT num_records FROM delta_files(" + literal(t) + ")"))
        .containsExactly(List.of(3L));
  }
}
