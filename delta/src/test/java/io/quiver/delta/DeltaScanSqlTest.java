package io.quiver.delta;

import static io.quiver.delta.DeltaTestTables.literal;
import static io.quiver.delta.DeltaTestTables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.QuiverSession;
import io.quiver.engine.SessionTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code delta_scan} through SQL: latest snapshot, versions, projection, partition columns,
 * deletion vectors, checkpoints, column mapping; every test ends with the allocator empty
 * ({@link SessionTestBase}).
 */
class DeltaScanSqlTest extends SessionTestBase {

  @Override
  protected QuiverSession newSession() {
    QuiverSession session = QuiverSession.builder().batchSize(7).build();
    DeltaFunctions.register(session);
    return session;
  }

  @Test
  void latestSnapshotAndVersions() {
    String t = literal(table("delta-golden/basic-with-inserts-merge"));
    assertThat(rows("SELECT count(*) FROM delta_scan(" + t + ")"))
        .containsExactly(List.of(140L));
    assertThat(rows("SELECT count(*) FROM delta_scan(" + t + ", '{\"version\": 0}')"))
        .containsExactly(List.of(100L));
  }

  @Test
  void projectionOfOneColumn() {
    String t = literal(table("delta-golden/basic-with-inserts-merge"));
    List<List<Object>> rows = rows("SELECT str FROM delta_scan(" + t + ", '{\"version\": 0}')"
        + " ORDER BY str LIMIT 2");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).hasSize(1);
  }

  @Test
  void deletionVectorsRemoveRows() {
    String t = literal(table("delta-kernel-tables/basic-dv-no-checkpoint"));
    assertThat(rows("SELECT count(*), min(id), max(id) FROM delta_scan(" + t + ")"))
        .containsExactly(List.of(8L, 2L, 9L));
    assertThat(rows("SELECT count(*) FROM delta_scan(" + t + ", '{\"version\": 0}')"))
        .containsExactly(List.of(10L));
  }

  @Test
  void checkpointedTableWithDeletionVectors() {
    String t = literal(table("delta-kernel-tables/basic-dv-with-checkpoint"));
    assertThat(rows("SELECT count(*) FROM delta_scan(" + t + ")"))
        .containsExactly(List.of(454L));
  }

  @Test
  void partitionValuesWithColumnMapping() {
    String t = literal(table(
        "delta-kernel-tables/data-reader-partition-values-column-mapping-name"));
    assertThat(rows("SELECT count(*), count(as_int), count(\"value\") FROM delta_scan(" + t
        + ")")).containsExactly(List.of(3L, 2L, 3L));
  }
}
