package io.quiver.delta;

import static io.quiver.delta.DeltaTestTables.literal;
import static io.quiver.delta.DeltaTestTables.table;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delta.kernel.types.StructType;
import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverSession;
import io.quiver.engine.SessionTestBase;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQL time travel on registered Delta tables ({@code session.registerDelta}): every version of
 * conformance tables read with {@code VERSION AS OF} and with {@code TIMESTAMP AS OF} (on a
 * copy whose commit files carry the manifest's normalised times) must match the reference's
 * row count and checksum; joins of two versions, views, new commits and errors. Every test ends
 * with the allocator empty ({@link SessionTestBase}).
 */
class DeltaTimeTravelSqlTest extends SessionTestBase {
  private static final List<String> TABLES = List.of(
      "delta-golden/basic-with-inserts-deletes-checkpoint",
      "delta-golden/snapshot-data2-deleted",
      "delta-golden/dv-with-columnmapping",
      "delta-golden/type-widening");

  @TempDir Path temp;

  @Override
  protected QuiverSession newSession() {
    QuiverSession session = QuiverSession.builder().batchSize(7).build();
    DeltaFunctions.register(session);
    return session;
  }

  private JsonNode manifest(String table) throws IOException {
    return new ObjectMapper().readTree(DeltaTestTables.corpus()
        .resolve("delta-expected/manifest.json").toFile()).get("tables").get(table);
  }

  /** Row count and checksum of a query's rows, rendered as the reference renders them. */
  private String rowsAndChecksum(String sql, StructType schema) throws IOException {
    List<String> lines = new ArrayList<>();
    try (QueryResult result = session.sql(sql)) {
      VectorSchemaRoot root = result.getVectorSchemaRoot();
      while (result.loadNextBatch()) {
        for (int r = 0; r < root.getRowCount(); r++) {
          lines.add(CanonicalValues.line(schema, root, r));
        }
      }
    }
    return lines.size() + " rows, checksum " + DeltaConformanceTest.checksum(lines);
  }

  private static String expected(JsonNode version) {
    return version.get("rowCount").asLong() + " rows, checksum "
        + version.get("checksum").asText();
  }

  /** The Delta schema of {@code path} at {@code version}. */
  private StructType schemaAt(Path path, long version) {
    try (DeltaTableSource source = (DeltaTableSource) new DeltaScanFunction(session::allocator,
        100).open(DeltaConformanceTest.arguments(path.toString(), "{\"version\": " + version
            + "}"))) {
      return source.deltaSchema();
    }
  }

  @Test
  void everyVersionByVersionMatchesTheReference() throws IOException {
    int checked = 0;
    for (String name : TABLES) {
      JsonNode manifest = manifest(name);
      Path path = table(name);
      session.registerDelta("t", path.toString(), null);
      for (JsonNode v : manifest.get("versionsAvailable")) {
        long version = v.asLong();
        assertThat(rowsAndChecksum("SELECT * FROM t VERSION AS OF " + version,
            schemaAt(path, version))).as(name + " v" + version)
            .isEqualTo(expected(manifest.get("versions").get(v.asText())));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(14 + 5 + 16 + 3);
  }

  @Test
  void everyVersionByTimestampMatchesTheReference() throws IOException {
    DateTimeFormatter sqlTimestamp = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
        .withZone(ZoneOffset.UTC);
    int index = 0;
    for (String name : TABLES) {
      JsonNode manifest = manifest(name);
      Path copy = normalizedCopy(name, manifest.get("versions"), temp.resolve("t" + index++));
      session.registerDelta("t", copy.toString(), null);
      for (JsonNode v : manifest.get("versionsAvailable")) {
        JsonNode version = manifest.get("versions").get(v.asText());
        Instant commit = Instant.ofEpochMilli(version.get("kernelTimestamp").asLong());
        StructType schema = schemaAt(copy, v.asLong());
        assertThat(rowsAndChecksum("SELECT * FROM t TIMESTAMP AS OF '" + commit + "'", schema))
            .as(name + " at " + commit).isEqualTo(expected(version));
        assertThat(rowsAndChecksum("SELECT * FROM t FOR SYSTEM_TIME AS OF TIMESTAMP '"
            + sqlTimestamp.format(commit) + "'", schema)).as(name + " at " + commit)
            .isEqualTo(expected(version));
      }
      long first = manifest.get("versions").get("0").get("kernelTimestamp").asLong();
      QuiverException before = failure("SELECT * FROM t TIMESTAMP AS OF '"
          + Instant.ofEpochMilli(first - 1) + "'");
      assertThat(before.kind()).isEqualTo(ErrorKind.DATA);
      assertThat(before.getMessage()).contains("available range is "
          + Instant.ofEpochMilli(first));
    }
  }

  /** A copy of the table with each commit file's time set to the manifest's normalised one. */
  private static Path normalizedCopy(String name, JsonNode versions, Path target)
      throws IOException {
    DeltaTestTables.copy(name, target);
    for (Iterator<Map.Entry<String, JsonNode>> it = versions.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> version = it.next();
      JsonNode mtime = version.getValue().get("normalizedCommitFileMtime");
      Path commit = target.resolve("_delta_log").resolve(
          String.format("%020d.json", Long.parseLong(version.getKey())));
      if (mtime != null && !mtime.isNull() && Files.exists(commit)) {
        Files.setLastModifiedTime(commit, FileTime.fromMillis(mtime.asLong()));
      }
    }
    return target;
  }

  @Test
  void twoVersionsInOneQueryAsWithDeltaScanOptions() {
    Path path = table("delta-golden/basic-with-inserts-deletes-checkpoint");
    session.registerDelta("events", path.toString(), null);
    String scan = "delta_scan(" + literal(path) + ", '{\"version\": %d}')";
    assertThat(rows("SELECT count(*), sum(a.id) FROM events VERSION AS OF 4 a"
        + " JOIN events VERSION AS OF 13 AS b ON a.id = b.id"))
        .isEqualTo(rows("SELECT count(*), sum(a.id) FROM " + String.format(scan, 4) + " a"
            + " JOIN " + String.format(scan, 13) + " b ON a.id = b.id"));
    assertThat(rows("SELECT count(*) FROM events WHERE id NOT IN"
        + " (SELECT id FROM events VERSION AS OF 2)"))
        .isEqualTo(rows("SELECT count(*) FROM " + String.format(scan, 13) + " WHERE id NOT IN"
            + " (SELECT id FROM " + String.format(scan, 2) + ")"));
  }

  @Test
  void aNewCommitIsReadByTheNextQuery() throws IOException {
    Path copy = DeltaTestTables.copy("delta-golden/basic-with-inserts-merge",
        temp.resolve("merge"));
    Path commit = copy.resolve("_delta_log/00000000000000000001.json");
    Path aside = temp.resolve("commit-1.json");
    Files.move(commit, aside);
    session.registerDelta("m", copy.toString(), null);
    execute("CREATE VIEW mv AS SELECT * FROM m");
    execute("CREATE VIEW sv AS SELECT * FROM delta_scan(" + literal(copy) + ")");
    assertThat(rows("SELECT count(*) FROM m")).containsExactly(List.of(100L));
    assertThat(rows("SELECT count(*) FROM sv")).containsExactly(List.of(100L));
    assertThat(failure("SELECT count(*) FROM m VERSION AS OF 1").getMessage())
        .contains("available versions are 0 to 0");
    Files.move(aside, commit);
    assertThat(rows("SELECT count(*) FROM m")).containsExactly(List.of(140L));
    assertThat(rows("SELECT count(*) FROM mv")).containsExactly(List.of(140L));
    assertThat(rows("SELECT count(*) FROM sv")).containsExactly(List.of(140L));
    assertThat(rows("SELECT count(*) FROM m VERSION AS OF 0")).containsExactly(List.of(100L));
  }

  @Test
  void viewsOverRegisteredTablesAndDeltaScan() {
    Path path = table("delta-golden/basic-with-inserts-merge");
    session.registerDelta("m", path.toString(), null);
    execute("CREATE VIEW first AS SELECT * FROM m VERSION AS OF 0");
    execute("CREATE VIEW scanned AS SELECT * FROM delta_scan(" + literal(path) + ")");
    assertThat(rows("SELECT count(*) FROM first")).containsExactly(List.of(100L));
    assertThat(rows("SELECT count(*) FROM scanned")).containsExactly(List.of(140L));
    assertThat(rows("SELECT count(*) FROM first f JOIN scanned s ON f.id = s.id"))
        .isEqualTo(rows("SELECT count(*) FROM m VERSION AS OF 0 f JOIN m s ON f.id = s.id"));
    QuiverException onView = failure("SELECT * FROM scanned VERSION AS OF 0");
    assertThat(onView.kind()).isEqualTo(ErrorKind.UNSUPPORTED);
    assertThat(onView.getMessage()).contains("'scanned' is a view");
  }

  @Test
  void registeredOptionsArePinnedUntilTimeTravelReplacesThem() {
    Path path = table("delta-golden/basic-with-inserts-merge");
    session.registerFileTable("pinned", "delta", path.toString(), "{\"version\": 0}");
    assertThat(rows("SELECT count(*) FROM pinned")).containsExactly(List.of(100L));
    assertThat(rows("SELECT count(*) FROM pinned VERSION AS OF 1"))
        .containsExactly(List.of(140L));
  }

  @Test
  void errorsOfRegisteringAndTravelling() {
    QuiverException missing = failure(() -> session.registerDelta("x",
        temp.resolve("none").toString(), null));
    assertThat(missing.kind()).isEqualTo(ErrorKind.IO);
    assertThat(missing.context()).anyMatch(c -> c.contains("'x'"));
    QuiverException options = failure(() -> session.registerDelta("x",
        table("delta-golden/basic-with-inserts-merge").toString(), "{\"versoin\": 1}"));
    assertThat(options.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(options.getMessage()).contains("known options");
    assertThat(session.tableNames()).doesNotContain("x");

    session.registerDelta("m", table("delta-golden/basic-with-inserts-merge").toString(), null);
    QuiverException range = failure("SELECT * FROM m VERSION AS OF 7");
    assertThat(range.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(range.getMessage()).contains("available versions are 0 to 1")
        .contains("m VERSION AS OF 7");
    assertThat(range.context().get(0)).isEqualTo("m VERSION AS OF 7");
    assertThat(range.context()).anyMatch(c -> c.startsWith("delta_scan("))
        .contains("version 7");
    QuiverException function = failure("SELECT * FROM delta_scan("
        + literal(table("delta-golden/basic-with-inserts-merge")) + ") VERSION AS OF 0");
    assertThat(function.kind()).isEqualTo(ErrorKind.PARSE);
    assertThat(function.getMessage()).contains("options");
  }

  private QuiverException failure(Runnable call) {
    try {
      call.run();
    } catch (QuiverException e) {
      assertOnlyTablesHoldMemory("after a failed registration");
      return e;
    }
    throw new AssertionError("expected a QuiverException");
  }
}
