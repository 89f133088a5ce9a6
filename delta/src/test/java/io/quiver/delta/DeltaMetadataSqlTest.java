package io.quiver.delta;

import static io.quiver.delta.DeltaLogFiles.PROTOCOL;
import static io.quiver.delta.DeltaLogFiles.add;
import static io.quiver.delta.DeltaLogFiles.commit;
import static io.quiver.delta.DeltaLogFiles.metadata;
import static io.quiver.delta.DeltaTestTables.literal;
import static io.quiver.delta.DeltaTestTables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.QuiverSession;
import io.quiver.engine.SessionTestBase;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code delta_history}, {@code delta_snapshot} and {@code delta_files} through SQL, on corpus
 * tables and hand-written logs; every test ends with the allocator empty
 * ({@link SessionTestBase}).
 */
class DeltaMetadataSqlTest extends SessionTestBase {
  private static final String MERGE = "delta-golden/basic-with-inserts-merge";

  @TempDir
  Path temp;

  @Override
  protected QuiverSession newSession() {
    QuiverSession session = QuiverSession.builder().batchSize(3).build();
    DeltaFunctions.register(session);
    return session;
  }

  @Test
  void historyIsNewestFirstWithTheCommitInfo() {
    String t = literal(table(MERGE));
    List<List<Object>> rows = rows("SELECT version, operation, is_blind_append,"
        + " operation_parameters FROM delta_history(" + t + ")");
    assertThat(rows).extracting(row -> row.get(0)).containsExactly(1L, 0L);
    assertThat(rows.get(1).get(1)).isEqualTo("WRITE");
    assertThat(rows.get(1).get(2)).isEqualTo(true);
    assertThat((String) rows.get(1).get(3)).startsWith("{").contains("\"mode\":\"ErrorIfExists\"");
    assertThat(rows.get(0).get(1)).isEqualTo("MERGE");
  }

  @Test
  void operationParametersOfAnyJsonTypeBecomeText() {
    String t = literal(table("delta-golden/commit-info-containing-arbitrary-operationParams-types"));
    List<List<Object>> rows = rows("SELECT version, operation, operation_parameters"
        + " FROM delta_history(" + t + ") WHERE version = 2");
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get(1)).isEqualTo("OPTIMIZE");
    assertThat((String) rows.get(0).get(2)).contains("\"auto\":\"false\"")
        .contains("\"zOrderBy\":\"[\\\"id\\\"]\"");
  }

  @Test
  void commitsWithoutCommitInfoHaveNulls() {
    Path t = temp.resolve("t");
    commit(t, 0, 1_600_000_000_000L, PROTOCOL, metadata("{}"), add("a.parquet", 10, null));
    commit(t, 1, 1_600_000_060_000L, add("b.parquet", 20, null),
        "{\"commitInfo\":{\"timestamp\":5,\"operation\":\"WRITE\"}}");
    List<List<Object>> rows = rows("SELECT version, \"timestamp\", operation, operation_parameters,"
        + " is_blind_append FROM delta_history(" + literal(t) + ")");
    assertThat(rows).containsExactly(
        row(1L, utc(1_600_000_060_000L), "WRITE", null, null),
        row(0L, utc(1_600_000_000_000L), null, null, null));
  }

  @Test
  void historyTimestampsAreKernelsTimeTravelTimestamps() {
    // equal modification times: Kernel's time travel makes them 1 ms apart, and so does history
    Path t = temp.resolve("t");
    long time = 1_650_000_000_000L;
    commit(t, 0, time, PROTOCOL, metadata("{}"), add("a.parquet", 10, null));
    commit(t, 1, time, add("b.parquet", 10, null));
    commit(t, 2, time + 10_000, add("c.parquet", 10, null));
    List<List<Object>> rows = rows("SELECT version, \"timestamp\" FROM delta_history("
        + literal(t) + ")");
    assertThat(rows).containsExactly(row(2L, utc(time + 10_000)), row(1L, utc(time + 1)),
        row(0L, utc(time)));
    assertTimeTravelAgrees(t, rows);
    // a commit older than the one before it: one ms after it
    commit(t, 3, time - 5000, add("d.parquet", 10, null));
    assertThat(rows("SELECT \"timestamp\" FROM delta_history(" + literal(t)
        + ") WHERE version = 3")).containsExactly(row(utc(time + 10_001)));
  }

  @Test
  void inCommitTimestampsFromTheirEnablementVersion() {
    Path t = temp.resolve("t");
    long v0 = 1_600_000_000_000L;
    long ict1 = 1_700_000_000_000L;
    long ict2 = 1_700_000_001_000L;
    commit(t, 0, v0, PROTOCOL, metadata("{}"), add("a.parquet", 10, null));
    commit(t, 1, 1_800_000_000_000L,
        "{\"commitInfo\":{\"timestamp\":1,\"inCommitTimestamp\":" + ict1
            + ",\"operation\":\"SET TBLPROPERTIES\"}}",
        "{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":7,"
            + "\"writerFeatures\":[\"inCommitTimestamp\",\"appendOnly\",\"invariants\"]}}",
        metadata("{\"delta.enableInCommitTimestamps\":\"true\","
            + "\"delta.inCommitTimestampEnablementVersion\":\"1\","
            + "\"delta.inCommitTimestampEnablementTimestamp\":\"" + ict1 + "\"}"));
    commit(t, 2, 1_800_000_000_000L,
        "{\"commitInfo\":{\"timestamp\":2,\"inCommitTimestamp\":" + ict2
            + ",\"operation\":\"WRITE\",\"isBlindAppend\":true}}",
        add("b.parquet", 10, null));
    List<List<Object>> rows = rows("SELECT version, \"timestamp\" FROM delta_history("
        + literal(t) + ")");
    assertThat(rows).containsExactly(row(2L, utc(ict2)), row(1L, utc(ict1)),
        row(0L, utc(v0)));
    assertTimeTravelAgrees(t, rows);
    assertThat(rows("SELECT version, \"timestamp\", min_writer_version, writer_features"
        + " FROM delta_snapshot(" + literal(t) + ")")).containsExactly(row(2L, utc(ict2), 7,
            "[\"appendOnly\",\"inCommitTimestamp\",\"invariants\"]"));
  }

  /** Each history timestamp, given to time travel, selects that row's version. */
  private void assertTimeTravelAgrees(Path t, List<List<Object>> history) {
    for (List<Object> row : history) {
      String iso = ((LocalDateTime) row.get(1)).toInstant(ZoneOffset.UTC).toString();
      assertThat(rows("SELECT version FROM delta_snapshot(" + literal(t)
          + ", '{\"timestamp\": \"" + iso + "\"}')")).as(iso)
          .containsExactly(row(row.get(0)));
    }
  }

  @Test
  void snapshotDescribesProtocolSchemaAndFiles() {
    String t = literal(table(MERGE));
    List<List<Object>> rows = rows("SELECT version, min_reader_version, min_writer_version,"
        + " reader_features, writer_features, partition_columns, properties, file_count,"
        + " total_size > 0 FROM delta_snapshot(" + t + ")");
    assertThat(rows).containsExactly(row(1L, 1, 2, null, null, "[]", "{}",
        fileCount(MERGE, 1), true));
    assertThat(rows("SELECT version, file_count FROM delta_snapshot(" + t
        + ", '{\"version\": 0}')")).containsExactly(row(0L, fileCount(MERGE, 0)));
    String schema = (String) rows("SELECT schema FROM delta_snapshot(" + t + ")").get(0).get(0);
    assertThat(schema).startsWith("{\"type\":\"struct\"").contains("\"name\":\"str\"");
  }

  @Test
  void snapshotOfAPartitionedTableWithReaderFeatures() {
    String t = literal(table("delta-golden/dv-partitioned-with-checkpoint"));
    List<List<Object>> rows = rows("SELECT min_reader_version, reader_features,"
        + " partition_columns FROM delta_snapshot(" + t + ")");
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get(0)).isEqualTo(3);
    assertThat((String) rows.get(0).get(1)).contains("deletionVectors");
    assertThat((String) rows.get(0).get(2)).startsWith("[\"").endsWith("\"]");
  }

  @Test
  void filesAgreeWithTheSnapshotAndTheRows() {
    String t = literal(table(MERGE));
    List<List<Object>> files = rows("SELECT count(*), sum(size), sum(num_records),"
        + " count(stats), sum(CASE WHEN has_deletion_vector THEN 1 ELSE 0 END)"
        + " FROM delta_files(" + t + ")");
    List<List<Object>> snapshot = rows("SELECT file_count, total_size FROM delta_snapshot("
        + t + ")");
    assertThat(files.get(0).subList(0, 2)).isEqualTo(snapshot.get(0));
    assertThat(files.get(0).get(2)).isEqualTo(140L);
    assertThat(files.get(0).get(4)).isEqualTo(0L);
    List<List<Object>> paths = rows("SELECT path FROM delta_files(" + t + ")");
    assertThat(paths).allSatisfy(row -> assertThat((String) row.get(0))
        .startsWith(table(MERGE).toString()).endsWith(".parquet"));
  }

  @Test
  void filesOfAPartitionedTable() {
    String relative = "delta-golden/data-reader-partition-values";
    String t = literal(table(relative));
    List<List<Object>> rows = rows("SELECT partition_values FROM delta_files(" + t + ")");
    assertThat((long) rows.size()).isEqualTo(fileCount(relative, latest(relative)));
    assertThat(rows).allSatisfy(row -> assertThat((String) row.get(0)).startsWith("{\"")
        .contains("\"as_int\":"));
  }

  @Test
  void filesWithDeletionVectors() {
    String t = literal(table("delta-kernel-tables/basic-dv-no-checkpoint"));
    assertThat(rows("SELECT count(*), sum(CASE WHEN has_deletion_vector THEN 1 ELSE 0 END)"
        + " FROM delta_files(" + t + ")")).containsExactly(row(
            fileCount("delta-kernel-tables/basic-dv-no-checkpoint", 1), 1L));
    assertThat(rows("SELECT count(*) FROM delta_files(" + t
        + ", '{\"version\": 0}') WHERE has_deletion_vector")).containsExactly(row(0L));
  }

  @Test
  void filesWithoutStatsHaveNullRecordCounts() {
    Path t = temp.resolve("t");
    commit(t, 0, 1_600_000_000_000L, PROTOCOL, metadata("{}"), add("a.parquet", 10, null),
        add("b.parquet", 20, "{\"numRecords\":7,\"minValues\":{\"id\":1}}"));
    assertThat(rows("SELECT path, size, num_records, modification_time FROM delta_files("
        + literal(t) + ")")).containsExactly(
            row(t.resolve("a.parquet").toString(), 10L, null, utc(1000)),
            row(t.resolve("b.parquet").toString(), 20L, 7L, utc(1000)));
  }

  private static List<Object> row(Object... values) {
    return java.util.Arrays.asList(values);
  }

  private static LocalDateTime utc(long millis) {
    return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
  }

  private static long fileCount(String relative, long version) {
    return DeltaManifest.version(relative, version).get("scanFiles").asLong();
  }

  private static long latest(String relative) {
    return DeltaManifest.table(relative).get("latest").get("version").asLong();
  }
}
