package io.quiver.engine.exec.hash;

import static io.quiver.engine.exec.TestBatches.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.exec.AllTypes;
import io.quiver.engine.exec.AllocatorTestBase;
import io.quiver.engine.exec.TestBatches;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * The packed-key cache must give every row the group its key value selects, consistently across
 * batches, whether a batch goes through the cache or (keys that do not pack) the encoder alone.
 */
class PackedKeyCacheTest extends AllocatorTestBase {
  @Test
  void shortStringsWithNullsGroupByValueAcrossBatches() {
    // two one-letter flags (Q1's keys) with NULLs; the third batch has a longer string, so it
    // is grouped without the cache, into the same groups
    Schema schema = TestBatches.schema(field("flag", AllTypes.VARCHAR),
        field("status", AllTypes.VARCHAR));
    String[] flags = {"A", "N", "R", null, ""};
    Random random = new Random(1);
    List<Object[][]> batches = new ArrayList<>();
    for (int b = 0; b < 3; b++) {
      Object[][] rows = new Object[500][];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = new Object[] {flags[random.nextInt(flags.length)],
            random.nextBoolean() ? "F" : random.nextInt(9) == 0 ? null : "O"};
      }
      batches.add(rows);
    }
    batches.get(2)[7] = new Object[] {"LONGER", "F"};
    CacheRun run = new CacheRun();
    assertThat(run.groups(schema, batches)).containsExactly(true, true, false);
  }

  @Test
  void integersDatesAndBooleansGroupByValue() {
    // INTEGER, SMALLINT and BOOLEAN with null bits: 33 + 17 + 2 bits; then DATE and TINYINT
    Schema schema = TestBatches.schema(field("i", AllTypes.INT), field("s", AllTypes.SMALLINT),
        field("b", AllTypes.BOOLEAN));
    Schema dates = TestBatches.schema(field("d", AllTypes.DATE), field("t", AllTypes.TINYINT));
    Random random = new Random(2);
    List<Object[][]> batches = new ArrayList<>();
    List<Object[][]> dateBatches = new ArrayList<>();
    for (int b = 0; b < 4; b++) {
      Object[][] rows = new Object[300][];
      Object[][] dateRows = new Object[300][];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = new Object[] {
            random.nextInt(5) == 0 ? null : (long) (random.nextInt(7) - 3) * 1_000_000_000L / 2,
            (long) random.nextInt(3) - 1,
            random.nextInt(4) == 0 ? null : random.nextBoolean()};
        dateRows[i] = new Object[] {
            random.nextInt(6) == 0 ? null : LocalDate.of(1998, 1, 1).plusDays(random.nextInt(4)),
            random.nextInt(6) == 0 ? null : (long) random.nextInt(3) - 1};
      }
      batches.add(rows);
      dateBatches.add(dateRows);
    }
    assertThat(new CacheRun().groups(schema, batches)).containsOnly(true);
    assertThat(new CacheRun().groups(dates, dateBatches)).containsOnly(true);
  }

  @Test
  void keysWiderThan64BitsAreNotCached() {
    Schema schema = TestBatches.schema(field("l", AllTypes.BIGINT), field("i", AllTypes.INT));
    Object[][] rows = {{1L, 2L}, {1L, 2L}, {null, 2L}, {3L, null}};
    assertThat(new CacheRun().groups(schema, List.<Object[][]>of(rows, rows)))
        .containsOnly(false);
    Schema doubles = TestBatches.schema(field("x", AllTypes.DOUBLE));
    Object[][] values = {{0.0}, {2.5}, {Double.NaN}, {1.5}, {2.5}};
    assertThat(new CacheRun().groups(doubles, List.<Object[][]>of(values))).containsOnly(false);
  }

  /** Runs batches through one cache and table, checking each row's group against its key. */
  private final class CacheRun {
    private final PackedKeyCache cache = new PackedKeyCache();
    private final GroupTable table = new GroupTable();
    private final KeyEncoder encoder = new KeyEncoder();
    private final Map<List<Object>, Integer> groupOfKey = new HashMap<>();

    /** Whether each batch went through the cache. */
    List<Boolean> groups(Schema schema, List<Object[][]> batches) {
      List<Boolean> cached = new ArrayList<>();
      for (Object[][] rows : batches) {
        try (VectorSchemaRoot batch = TestBatches.batch(allocator, schema, rows)) {
          FieldVector[] columns = batch.getFieldVectors().toArray(new FieldVector[0]);
          int[] groupIds = new int[rows.length];
          boolean hit = cache.assign(columns, rows.length, encoder, table, groupIds);
          if (!hit) {
            encoder.encode(columns, rows.length);
            table.findOrInsert(encoder, groupIds);
          }
          cached.add(hit);
          for (int row = 0; row < rows.length; row++) {
            List<Object> key = Arrays.asList(rows[row]);
            Integer known = groupOfKey.putIfAbsent(key, groupIds[row]);
            assertThat(groupIds[row]).as("row %d %s", row, key)
                .isEqualTo(known == null ? groupIds[row] : known);
          }
        }
      }
      // distinct keys, distinct groups
      assertThat(table.groupCount()).isEqualTo(groupOfKey.size());
      assertThat(new java.util.HashSet<>(groupOfKey.values())).hasSize(groupOfKey.size());
      return cached;
    }
  }
}
