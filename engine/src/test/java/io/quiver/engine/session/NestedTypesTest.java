package io.quiver.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.QuiverSession;
import io.quiver.engine.SessionTestBase;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.impl.UnionMapWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nested columns (ARRAY, ROW, MAP) in SQL: carried through projections, filters, sorts and
 * joins, and taken apart with {@code s.x}, {@code a[i]}, {@code m[k]}, {@code CARDINALITY}
 * and {@code IS NULL}.
 */
class NestedTypesTest extends SessionTestBase {
  @TempDir
  Path directory;
  private String people;

  @Override
  protected QuiverSession newSession() {
    return QuiverSession.builder().batchSize(2).build();
  }

  @BeforeEach
  void files() throws IOException {
    Path file = directory.resolve("people.json");
    Files.writeString(file, String.join("\n",
        "{\"id\": 1, \"name\": {\"first\": \"Ada\", \"last\": \"L\"}, \"tags\": [\"a\", \"b\"],"
            + " \"scores\": [10, 20, 30]}",
        "{\"id\": 2, \"name\": null, \"tags\": [], \"scores\": [5]}",
        "{\"id\": 3, \"name\": {\"first\": \"Bo\", \"last\": null}, \"tags\": null,"
            + " \"scores\": [1, null, 3]}",
        "{\"id\": 4, \"name\": {\"first\": \"Cy\", \"last\": \"Z\"}, \"tags\": [\"c\"],"
            + " \"scores\": []}",
        ""));
    people = "read_json('" + file + "')";
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  @Test
  void nestedColumnsAreCarriedThroughFiltersSortsAndJoins() {
    assertThat(rows("SELECT id, tags FROM " + people + " WHERE id <> 2 ORDER BY id DESC"))
        .containsExactly(row(4L, List.of("c")), row(3L, null), row(1L, List.of("a", "b")));
    assertThat(rows("SELECT p.id, q.scores FROM " + people + " p JOIN " + people
        + " q ON p.id = q.id + 1 WHERE p.id > 2 ORDER BY 1"))
        .containsExactly(row(3L, List.of(5L)), row(4L, Arrays.asList(1L, null, 3L)));
    assertThat(rows("SELECT COUNT(*), COUNT(tags) FROM " + people))
        .containsExactly(row(4L, 3L));
  }

  @Test
  void fieldsElementsAndSizes() {
    assertThat(rows("SELECT id, p.name.first, p.name['last'], scores[1], scores[-1],"
        + " scores[5], CARDINALITY(tags) FROM " + people + " p ORDER BY id"))
        .containsExactly(
            row(1L, "Ada", "L", 10L, 30L, null, 2),
            row(2L, null, null, 5L, 5L, null, 0),
            row(3L, "Bo", null, 1L, 3L, null, null),
            row(4L, "Cy", "Z", null, null, null, 1));
    assertThat(rows("SELECT id FROM " + people + " p WHERE p.name IS NULL OR tags IS NULL"
        + " ORDER BY id")).containsExactly(row(2L), row(3L));
    assertThat(rows("SELECT SUM(scores[id - 1]) FROM " + people + " WHERE scores[1] > 1"))
        .containsExactly(row(5L + 0L)); // rows 1 (scores[0]: NULL) and 2 (scores[1] = 5)
    assertThat(rows("SELECT upper(p.name.first) || '!' FROM " + people
        + " p WHERE p.name.last IS NOT NULL ORDER BY 1"))
        .containsExactly(row("ADA!"), row("CY!"));
  }

  @Test
  void mapValuesByKey() {
    BufferAllocator input = session.allocator().newChildAllocator("maps", 0, Long.MAX_VALUE);
    try (input; BigIntVector ids = new BigIntVector("id", input);
        MapVector map = (MapVector) new Field("m", FieldType.nullable(new ArrowType.Map(false)),
            List.of(new Field("entries", FieldType.notNullable(ArrowType.Struct.INSTANCE),
                List.of(new Field("key", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null),
                    new Field("value", FieldType.nullable(new ArrowType.Int(64, true)),
                        null))))).createVector(input)) {
      ids.allocateNew(3);
      map.allocateNew();
      UnionMapWriter writer = map.getWriter();
      writeMap(writer, 0, Map.of("x", 1L, "y", 2L));
      writeMap(writer, 1, Map.of());
      writeMap(writer, 2, Map.of("y", 20L));
      for (int i = 0; i < 3; i++) {
        ids.set(i, i + 1);
      }
      ids.setValueCount(3);
      map.setValueCount(3);
      try (VectorSchemaRoot batch = VectorSchemaRoot.of(ids, map)) {
        batch.setRowCount(3);
        session.registerTable("maps", List.of(batch));
      }
    }
    assertThat(rows("SELECT m FROM maps WHERE id <> 2")).containsExactly(
        row(Map.of("x", 1L, "y", 2L)), row(Map.of("y", 20L)));
    assertThat(rows("SELECT id, m['y'], m['x'], CARDINALITY(m) FROM maps ORDER BY id"))
        .containsExactly(row(1L, 2L, 1L, 2), row(2L, null, null, 0), row(3L, 20L, null, 1));
    assertThat(rows("SELECT id FROM maps WHERE m['y'] > 5")).containsExactly(row(3L));
  }

  private static void writeMap(UnionMapWriter writer, int row, Map<String, Long> entries) {
    writer.setPosition(row);
    writer.startMap();
    entries.forEach((key, value) -> {
      writer.startEntry();
      writer.key().varChar().writeVarChar(key);
      writer.value().bigInt().writeBigInt(value);
      writer.endEntry();
    });
    writer.endMap();
  }

  @Test
  void computingWithANestedValueIsAnUnsupportedErrorNamingTheType() {
    for (String sql : List.of("SELECT CASE WHEN id > 1 THEN tags END FROM " + people,
        "SELECT tags, COUNT(*) FROM " + people + " GROUP BY tags",
        "SELECT id FROM " + people + " ORDER BY scores")) {
      QuiverException error = failure(sql);
      assertThat(error.kind()).as(sql).isEqualTo(ErrorKind.UNSUPPORTED);
      assertThat(error.getMessage()).as(sql).containsIgnoringCase("ARRAY");
    }
  }
}
